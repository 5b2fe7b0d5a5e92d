import { ATTACHMENT_DESCRIPTION_MAX, ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME_TYPES, type ProposalAttachment } from '@app/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ProgressListener } from '../lib/api-client';
import { formatFileSize } from '../lib/format';
import { FormError, type FieldErrors, type UiMessage } from '../lib/messages';
import { useForm } from '../lib/use-form';
import { Form } from './ui/Form';
import { FileField, TextField } from './ui/FormField';

/*
 * The upload of an image or document under the proposal attachments' rules (types, size, alternative
 * text), shared by proposals and the applications to an Aktionsraumfonds. Its texts are the
 * proposal attachments' (proposals.attachments.*, in the main texts).
 */

/** File name endings for the accepted types, for files whose type the browser does not know. */
const EXTENSIONS: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
};
export const ACCEPT = [...ATTACHMENT_MIME_TYPES, ...Object.keys(EXTENSIONS).map((extension) => `.${extension}`)].join(',');

function acceptedType(file: File): boolean {
  const declared = file.type.toLowerCase();
  if (declared) return (ATTACHMENT_MIME_TYPES as readonly string[]).includes(declared);
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  return extension in EXTENSIONS;
}

const TYPE_MESSAGE: UiMessage = { key: 'errors.ATTACHMENT_TYPE_NOT_ALLOWED' };
const tooLarge = (): UiMessage => ({ key: 'proposals.attachments.errors.tooLarge', params: { max: formatFileSize(ATTACHMENT_MAX_BYTES) } });

/** The same friendly messages whether the browser or the server notices the problem. */
function checkFile(file: File | null): FieldErrors {
  if (!file) return {};
  const messages: UiMessage[] = [];
  if (!acceptedType(file)) messages.push(TYPE_MESSAGE);
  if (file.size > ATTACHMENT_MAX_BYTES) messages.push(tooLarge());
  if (file.size === 0) messages.push({ key: 'proposals.attachments.errors.empty' });
  return messages.length > 0 ? { file: messages } : {};
}

function uploadError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const notUploaded: UiMessage = { key: 'proposals.attachments.errors.notUploaded' };
  if (error.code === 'PAYLOAD_TOO_LARGE') return new FormError(notUploaded, { file: [tooLarge()] });
  if (error.code === 'ATTACHMENT_TYPE_NOT_ALLOWED') return new FormError(notUploaded, { file: [TYPE_MESSAGE] });
  return error;
}

export interface AttachmentUploadFormProps {
  /** Unique on the page: prefix of the form's element ids. */
  id: string;
  /** Sends the file (multipart) and returns the stored attachment. */
  upload: (file: File, description: string, onProgress: ProgressListener) => Promise<ProposalAttachment>;
  /** The file field's hint (limits, how many are left). */
  fileHint: string;
  onUploaded: (created: ProposalAttachment) => void;
  'aria-labelledby'?: string;
}

/** File and description, with the same messages whether the browser or the server notices a problem, and upload progress. */
export function AttachmentUploadForm({ id, upload, fileHint, onUploaded, ...aria }: AttachmentUploadFormProps) {
  const { t } = useTranslation();
  const fileRef = useRef<File | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const form = useForm({
    id,
    initialValues: { file: '', description: '' },
    validate: () => checkFile(fileRef.current),
    onSubmit: async (values) => {
      const file = fileRef.current;
      if (!file) return;
      setProgress(0);
      try {
        const created = await upload(file, values.description.trim(), setProgress);
        fileRef.current = null;
        if (inputRef.current) inputRef.current.value = '';
        form.reset();
        onUploaded(created);
        return { key: 'proposals.attachments.added', params: { name: created.fileName } };
      } catch (error) {
        throw uploadError(error);
      } finally {
        setProgress(null);
      }
    },
  });
  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <Form
      form={form}
      submitLabel={t('proposals.attachments.submit')}
      submitIcon="drive-folder-upload"
      aria-labelledby={aria['aria-labelledby']}
    >
      <FileField
        {...form.field('file', { label: t('proposals.attachments.file'), required: true })}
        onFile={(file) => {
          fileRef.current = file;
        }}
        inputRef={inputRef}
        accept={ACCEPT}
        hint={fileHint}
      />
      <TextField
        {...form.field('description', { label: t('proposals.attachments.description'), maxLength: ATTACHMENT_DESCRIPTION_MAX })}
        hint={t('proposals.attachments.descriptionHint', { max: ATTACHMENT_DESCRIPTION_MAX })}
        multiline
        rows={3}
      />
      {percent !== null ? (
        <div className="attachment-progress">
          <label className="kern-label" htmlFor={`${id}-progress`}>
            {t('proposals.attachments.progress')}
          </label>
          <progress id={`${id}-progress`} max={100} value={percent}>
            {percent} %
          </progress>
          <span className="kern-body" aria-hidden="true">
            {t('proposals.attachments.percent', { percent })}
          </span>
        </div>
      ) : null}
    </Form>
  );
}
