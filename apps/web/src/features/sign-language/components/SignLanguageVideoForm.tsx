import { SIGN_LANGUAGE_DESCRIPTION_MAX, SIGN_LANGUAGE_VIDEO_MIME_TYPES, type SignLanguageVideoState } from '@app/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileField, TextField } from '../../../components/ui/FormField';
import { Form } from '../../../components/ui/Form';
import { ApiError, CLIENT_ERROR_NETWORK } from '../../../lib/api-client';
import { formatFileSize } from '../../../lib/format';
import { FormError, type FieldErrors, type UiMessage } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { usePublishSignLanguageVideo } from '../api/sign-language-video';

const VIDEO_ACCEPT = [...SIGN_LANGUAGE_VIDEO_MIME_TYPES, '.mp4', '.m4v', '.webm'].join(',');
const CAPTIONS_ACCEPT = 'text/vtt,.vtt';
/** Texts of the set sign-language.<language>.json, loaded with the page (lib/text-sets). */
const K = 'signLanguage';
const NOT_PUBLISHED: UiMessage = { key: `${K}.errors.notUploaded` };

const extension = (file: File) => file.name.toLowerCase().split('.').pop() ?? '';
const isVideo = (file: File) =>
  file.type ? (SIGN_LANGUAGE_VIDEO_MIME_TYPES as readonly string[]).includes(file.type) : ['mp4', 'm4v', 'webm'].includes(extension(file));
// Browsers rarely know text/vtt: the name decides here (the server reads the content).
const isCaptions = (file: File) => file.type === 'text/vtt' || extension(file) === 'vtt';

/** The same friendly messages whether the browser or the server notices the problem. */
function checkFiles(video: File | null, captions: File | null, limits: SignLanguageVideoState): FieldErrors {
  const errors: FieldErrors = {};
  const tooLarge = (max: number): UiMessage => ({ key: `${K}.errors.tooLarge`, params: { max: formatFileSize(max) } });
  if (video) {
    const messages: UiMessage[] = [];
    if (!isVideo(video)) messages.push({ key: `${K}.errors.videoType` });
    if (video.size > limits.maxVideoBytes) messages.push(tooLarge(limits.maxVideoBytes));
    if (video.size === 0) messages.push({ key: `${K}.errors.empty` });
    if (messages.length) errors.video = messages;
  }
  if (captions) {
    const messages: UiMessage[] = [];
    if (!isCaptions(captions)) messages.push({ key: `${K}.errors.captionsType` });
    if (captions.size > limits.maxCaptionsBytes) messages.push(tooLarge(limits.maxCaptionsBytes));
    if (captions.size === 0) messages.push({ key: `${K}.errors.empty` });
    if (messages.length) errors.captions = messages;
  }
  return errors;
}

/** A SubRip file renamed to .vtt is noticed before the long video upload starts. */
async function startsLikeWebVtt(file: File): Promise<boolean> {
  const head = (await file.slice(0, 16).text()).replace(/^\uFEFF/, '');
  return /^WEBVTT(?:[ \t\r\n]|$)/.test(head);
}

/** Maps the API's answer onto the field it is about. */
function uploadError(error: unknown, limits: SignLanguageVideoState): unknown {
  if (error instanceof ApiError && (error.status === 408 || error.code === CLIENT_ERROR_NETWORK))
    return new FormError({ key: `${K}.errors.timeout` });
  if (!(error instanceof ApiError)) return error;
  const field = error.details[0]?.field;
  switch (error.code) {
    case 'PAYLOAD_TOO_LARGE': {
      const captions = field === 'captions';
      const max = formatFileSize(captions ? limits.maxCaptionsBytes : limits.maxVideoBytes);
      return new FormError(NOT_PUBLISHED, { [captions ? 'captions' : 'video']: [{ key: `${K}.errors.tooLarge`, params: { max } }] });
    }
    case 'VIDEO_TYPE_NOT_ALLOWED':
      return new FormError(NOT_PUBLISHED, { video: [{ key: 'errors.VIDEO_TYPE_NOT_ALLOWED' }] });
    case 'CAPTIONS_REQUIRED':
      return new FormError(NOT_PUBLISHED, { captions: [{ key: 'errors.CAPTIONS_REQUIRED' }] });
    case 'CAPTIONS_INVALID': {
      const line = /^Line (\d+):/.exec(error.message)?.[1];
      const messages: UiMessage[] = [{ key: 'errors.CAPTIONS_INVALID' }];
      if (line) messages.push({ key: `${K}.errors.captionsLine`, params: { line } });
      return new FormError(NOT_PUBLISHED, { captions: messages });
    }
    default:
      return error;
  }
}

interface SignLanguageVideoFormProps {
  state: SignLanguageVideoState;
  /** Called once the video is published, with the new state (the page moves focus and announces it). */
  onPublished: (state: SignLanguageVideoState) => void;
}

/** Video, captions and description, uploaded together with a progress bar; replaces the current video. */
export function SignLanguageVideoForm({ state, onPublished }: SignLanguageVideoFormProps) {
  const { t } = useTranslation();
  const publish = usePublishSignLanguageVideo();
  const files = useRef<{ video: File | null; captions: File | null }>({ video: null, captions: null });
  const videoInput = useRef<HTMLInputElement>(null);
  const captionsInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const replacing = state.video !== null;
  const form = useForm({
    id: 'sign-language',
    initialValues: { video: '', captions: '', description: '' },
    validate: () => checkFiles(files.current.video, files.current.captions, state),
    onSubmit: async (values) => {
      const { video, captions } = files.current;
      if (!video || !captions) return;
      if (!(await startsLikeWebVtt(captions))) throw new FormError(NOT_PUBLISHED, { captions: [{ key: `${K}.errors.captionsContent` }] });
      setProgress(0);
      try {
        const published = await publish({ video, captions, description: values.description.trim() }, setProgress);
        files.current = { video: null, captions: null };
        if (videoInput.current) videoInput.current.value = '';
        if (captionsInput.current) captionsInput.current.value = '';
        form.reset();
        onPublished(published);
      } catch (error) {
        throw uploadError(error, state);
      } finally {
        setProgress(null);
      }
    },
  });
  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <Form
      form={form}
      submitLabel={t(replacing ? `${K}.replaceSubmit` : `${K}.submit`)}
      submitIcon="drive-folder-upload"
      aria-labelledby="sign-language-upload-title"
    >
      <FileField
        {...form.field('video', { label: t(`${K}.videoField`), required: true })}
        onFile={(file) => {
          files.current.video = file;
        }}
        inputRef={videoInput}
        accept={VIDEO_ACCEPT}
        hint={t(`${K}.videoHint`, { max: formatFileSize(state.maxVideoBytes) })}
      />
      <FileField
        {...form.field('captions', { label: t(`${K}.captionsField`), required: true })}
        onFile={(file) => {
          files.current.captions = file;
        }}
        inputRef={captionsInput}
        accept={CAPTIONS_ACCEPT}
        hint={t(`${K}.captionsHint`, { max: formatFileSize(state.maxCaptionsBytes) })}
      />
      <TextField
        {...form.field('description', { label: t(`${K}.description`), maxLength: SIGN_LANGUAGE_DESCRIPTION_MAX })}
        hint={t(`${K}.descriptionHint`, { max: SIGN_LANGUAGE_DESCRIPTION_MAX })}
        multiline
        rows={4}
      />
      {percent !== null ? (
        <div className="attachment-progress">
          <label className="kern-label" htmlFor="sign-language-progress">
            {t(`${K}.progress`)}
          </label>
          <progress id="sign-language-progress" max={100} value={percent}>
            {percent} %
          </progress>
          <span className="kern-body" aria-hidden="true">
            {t(`${K}.percent`, { percent })}
          </span>
        </div>
      ) : null}
    </Form>
  );
}
