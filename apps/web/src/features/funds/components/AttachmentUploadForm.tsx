import { ATTACHMENT_MAX_BYTES } from '@app/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentUploadForm as UploadForm } from '../../../components/AttachmentUploadForm';
import { formatFileSize } from '../../../lib/format';
import { useFundActions } from '../api/funds';

/** An application's attachments (while editable) or its proof of use's receipts and photos (while paid); the new file takes focus. */
export function AttachmentUploadForm({ applicationId, kind }: { applicationId: string; kind: 'attachments' | 'proof-attachments' }) {
  const { t } = useTranslation();
  const actions = useFundActions();
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId) document.getElementById(`attachment-${focusId}`)?.focus();
  }, [focusId]);
  return (
    <UploadForm
      id={`application-${kind}`}
      upload={(file, description, onProgress) => actions.upload(applicationId, kind, file, description, onProgress)}
      fileHint={t('funds.upload.fileHint', { max: formatFileSize(ATTACHMENT_MAX_BYTES) })}
      onUploaded={(created) => setFocusId(created.id)}
      aria-labelledby="upload-title"
    />
  );
}
