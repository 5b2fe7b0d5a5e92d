import type { SignLanguageVideo } from '@app/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { ConfirmStep } from '../../../components/ui/ConfirmStep';
import { Dialog } from '../../../components/ui/Dialog';
import { formatDate, formatFileSize } from '../../../lib/format';
import { useRemoveSignLanguageVideo } from '../api/sign-language-video';
import { LinkedText } from './LinkedText';
import { SignLanguagePlayer } from './SignLanguagePlayer';

/** Texts of the set sign-language.<language>.json, loaded with the page (lib/text-sets). */
const K = 'signLanguage';
const TYPE_LABELS: Record<string, string> = { 'video/mp4': 'MP4', 'video/webm': 'WebM', 'text/vtt': 'WebVTT' };

/** The published video as visitors see it, what it consists of, and "remove" (confirmed in a dialog). */
export function CurrentSignLanguageVideo({ video, onRemoved }: { video: SignLanguageVideo; onRemoved: () => void }) {
  const { t } = useTranslation();
  const meta = (file: SignLanguageVideo['video'] | SignLanguageVideo['captions']) =>
    t(`${K}.fileMeta`, { name: file.fileName, type: TYPE_LABELS[file.mimeType] ?? file.mimeType, size: formatFileSize(file.size) });
  return (
    <>
      <SignLanguagePlayer
        video={video}
        caption={t(`${K}.previewCaption`)}
        captionsLabel={t(`${K}.captionsTrack`)}
        fallback={t(`${K}.fallback`)}
        fallbackLink={t(`${K}.fallbackLink`)}
      />
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t(`${K}.videoFile`)}</dt>
          <dd className="kern-description-list-item__value" dir="auto">
            {meta(video.video)}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t(`${K}.captionsFile`)}</dt>
          <dd className="kern-description-list-item__value" dir="auto">
            {meta(video.captions)}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t(`${K}.description`)}</dt>
          <dd className="kern-description-list-item__value">
            {video.description ? <LinkedText text={video.description} /> : t(`${K}.noDescription`)}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t(`${K}.uploadedAt`)}</dt>
          <dd className="kern-description-list-item__value">{formatDate(video.uploadedAt)}</dd>
        </div>
      </dl>
      <div className="sign-language-actions">
        <Link className="kern-link" to="/gebaerdensprache">
          {t(`${K}.viewPublic`)}
        </Link>
        <RemoveButton onRemoved={onRemoved} />
      </div>
    </>
  );
}

function RemoveButton({ onRemoved }: { onRemoved: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveSignLanguageVideo();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);
  const done = useRef(false);
  return (
    <span ref={wrapper}>
      <Button variant="secondary" icon="delete" onClick={() => setOpen(true)}>
        {t(`${K}.remove`)}
      </Button>
      {open ? (
        <Dialog
          id="sign-language-remove"
          title={t(`${K}.removeTitle`)}
          onClose={() => {
            setOpen(false);
            // Cancelled: back to the button. Removed: the page has moved focus already.
            if (!done.current) wrapper.current?.querySelector('button')?.focus();
          }}
        >
          {(close) => (
            <ConfirmStep
              className="sign-language-remove"
              confirmLabel={t(`${K}.removeConfirm`)}
              icon="delete"
              onCancel={close}
              action={async () => {
                await remove();
                done.current = true;
                close();
                onRemoved();
              }}
            >
              <p className="kern-body">{t(`${K}.removeText`)}</p>
            </ConfirmStep>
          )}
        </Dialog>
      ) : null}
    </span>
  );
}
