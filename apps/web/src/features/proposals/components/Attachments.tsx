import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_PROPOSAL, type ProposalAttachment, type ProposalDetail } from '@app/shared';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { ConfirmStep } from '../../../components/ui/ConfirmStep';
import { Dialog } from '../../../components/ui/Dialog';
import { Loading } from '../../../components/ui/QueryState';
import { Section } from '../../../components/ui/Section';
import { formatFileSize } from '../../../lib/format';
import { useDeleteAttachment, useUploadAttachment } from '../api/attachments';

/** Only authors and moderators upload: the form's code loads when it is shown, not with every proposal page. */
const AttachmentUploadForm = lazy(() =>
  import('../../../components/AttachmentUploadForm').then((module) => ({ default: module.AttachmentUploadForm })),
);

const TYPE_LABELS: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'application/pdf': 'PDF' };

function typeLabel(attachment: ProposalAttachment): string {
  return TYPE_LABELS[attachment.mimeType] ?? attachment.mimeType;
}

/**
 * The proposal's images (as figures linking to the full image) and documents (as download links);
 * for the author or a moderator each with a confirmed "remove". After a removal the heading takes
 * focus and a status says what happened.
 */
export function ProposalAttachments({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const { attachments } = proposal;
  const canAttach = proposal.viewer.canAttach;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The removal notice stays until the list changes again (e.g. a new upload).
  const [removed, setRemoved] = useState<{ name: string; remaining: number } | null>(null);
  // The removed file's item (and its button) is gone by now: focus moves to the heading.
  useEffect(() => {
    if (removed) headingRef.current?.focus();
  }, [removed]);

  // Shown after the last file is gone too, so the removal stays announced and focus has a place.
  const notice = removed && removed.remaining === attachments.length ? removed.name : null;
  if (attachments.length === 0 && !notice) return null;
  const images = attachments.filter((attachment) => attachment.kind === 'image');
  const documents = attachments.filter((attachment) => attachment.kind !== 'image');

  const onRemoved = (attachment: ProposalAttachment) =>
    setRemoved({ name: attachment.fileName, remaining: attachments.filter((item) => item.id !== attachment.id).length });

  return (
    <section className="section attachments" aria-labelledby="attachments-title">
      <h2 className="kern-heading-medium section__title" id="attachments-title" ref={headingRef} tabIndex={-1}>
        {t('proposals.attachments.title')}
      </h2>
      <div role="status" className="attachments__status">
        {notice ? <p className="kern-body">{t('proposals.attachments.removed', { name: notice })}</p> : null}
      </div>
      {attachments.length === 0 ? <p className="kern-body">{t('proposals.attachments.none')}</p> : null}
      {images.length > 0 ? (
        <ul className="attachment-gallery" aria-label={t('proposals.attachments.imagesLabel', { count: images.length })}>
          {images.map((attachment) => (
            <li key={attachment.id} id={`attachment-${attachment.id}`} tabIndex={-1} className="attachment-gallery__item">
              <ImageFigure attachment={attachment} />
              {canAttach ? <RemoveButton proposalId={proposal.id} attachment={attachment} onRemoved={onRemoved} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {documents.length > 0 ? (
        <ul className="attachment-documents" aria-label={t('proposals.attachments.documentsLabel', { count: documents.length })}>
          {documents.map((attachment) => (
            <li key={attachment.id} id={`attachment-${attachment.id}`} tabIndex={-1} className="attachment-documents__item">
              <span className="kern-icon kern-icon--draft" aria-hidden="true" />
              <div className="attachment-documents__text">
                <a className="kern-link" href={attachment.url} download={attachment.fileName}>
                  {attachment.fileName}{' '}
                  <span className="attachment__meta">
                    ({t('proposals.attachments.documentMeta', { type: typeLabel(attachment), size: formatFileSize(attachment.size) })})
                  </span>
                </a>
                {attachment.description ? <p className="kern-body attachment__description">{attachment.description}</p> : null}
              </div>
              {canAttach ? <RemoveButton proposalId={proposal.id} attachment={attachment} onRemoved={onRemoved} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * "Add an image or document" for the author (while the proposal is editable) or a moderator;
 * after an upload the new file in the list above receives focus.
 */
export function AttachmentUpload({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const { attachments } = proposal;
  const upload = useUploadAttachment();
  const [focusId, setFocusId] = useState<string | null>(null);
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!focusId || focused.current === focusId) return;
    const item = document.getElementById(`attachment-${focusId}`);
    if (item) {
      item.focus();
      focused.current = focusId;
    }
  }, [focusId, attachments]);

  if (!proposal.viewer.canAttach) return null;
  const full = attachments.length >= ATTACHMENTS_PER_PROPOSAL;
  return (
    <Section
      id="attachment-upload"
      title={t('proposals.attachments.uploadTitle')}
      intro={attachments.length === 0 ? t('proposals.attachments.empty') : undefined}
      boxed
    >
      {full ? (
        <p className="kern-body">{t('proposals.attachments.full', { total: ATTACHMENTS_PER_PROPOSAL })}</p>
      ) : (
        <Suspense fallback={<Loading />}>
          <AttachmentUploadForm
            id="attachment"
            upload={(file, description, onProgress) => upload(proposal.id, { file, description }, onProgress)}
            fileHint={t('proposals.attachments.fileHint', {
              max: formatFileSize(ATTACHMENT_MAX_BYTES),
              total: ATTACHMENTS_PER_PROPOSAL,
              left: ATTACHMENTS_PER_PROPOSAL - attachments.length,
            })}
            onUploaded={(created) => setFocusId(created.id)}
            aria-labelledby="attachment-upload-title"
          />
        </Suspense>
      )}
    </Section>
  );
}

function ImageFigure({ attachment }: { attachment: ProposalAttachment }) {
  const { t } = useTranslation();
  const alt = attachment.description?.trim() || t('proposals.attachments.imageFallbackAlt', { name: attachment.fileName });
  return (
    <figure className="attachment-figure">
      <a className="attachment-figure__link" href={attachment.url}>
        <img
          className="attachment-figure__image"
          src={attachment.thumbnailUrl ?? attachment.url}
          alt={alt}
          width={attachment.width ?? undefined}
          height={attachment.height ?? undefined}
          loading="lazy"
        />
        <span className="kern-sr-only"> {t('proposals.attachments.openFull')}</span>
      </a>
      <figcaption className="attachment-figure__caption">
        <span className="attachment-figure__name">{attachment.fileName}</span>{' '}
        <span className="attachment__meta">
          ({t('proposals.attachments.imageMeta', { type: typeLabel(attachment), size: formatFileSize(attachment.size) })})
        </span>
      </figcaption>
    </figure>
  );
}

function RemoveButton({
  proposalId,
  attachment,
  onRemoved,
}: {
  proposalId: string;
  attachment: ProposalAttachment;
  onRemoved: (attachment: ProposalAttachment) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);
  const done = useRef(false);
  return (
    <span ref={wrapper} className="attachment__remove">
      <Button
        variant="tertiary"
        small
        icon="delete"
        onClick={() => setOpen(true)}
        aria-label={t('proposals.attachments.removeLabel', { name: attachment.fileName })}
      >
        {t('proposals.attachments.remove')}
      </Button>
      {open ? (
        <Dialog
          id={`attachment-remove-${attachment.id}`}
          title={t('proposals.attachments.removeTitle')}
          onClose={() => {
            setOpen(false);
            if (!done.current) wrapper.current?.querySelector('button')?.focus();
          }}
        >
          {(close) => (
            <RemoveConfirmation
              proposalId={proposalId}
              attachment={attachment}
              onCancel={close}
              onDone={() => {
                // The list drops the file at once, unmounting this button: the list takes over focus.
                done.current = true;
                onRemoved(attachment);
                close();
              }}
            />
          )}
        </Dialog>
      ) : null}
    </span>
  );
}

function RemoveConfirmation({
  proposalId,
  attachment,
  onCancel,
  onDone,
}: {
  proposalId: string;
  attachment: ProposalAttachment;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteAttachment();
  return (
    <ConfirmStep
      className="attachment-remove"
      confirmLabel={t('proposals.attachments.removeConfirm')}
      icon="delete"
      onCancel={onCancel}
      action={async () => {
        await remove(proposalId, attachment.id);
        onDone();
      }}
    >
      <p className="kern-body">{t('proposals.attachments.removeText', { name: attachment.fileName })}</p>
    </ConfirmStep>
  );
}
