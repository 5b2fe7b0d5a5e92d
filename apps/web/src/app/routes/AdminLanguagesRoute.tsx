import type { LanguageStatus } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/Alert';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguages, useSetLanguageReviewed } from '../../features/languages/api/languages';
import { LanguageReviewTable } from '../../features/languages/components/LanguageReviewTable';
import { describeError, translateMessage, type UiMessage } from '../../lib/messages';
import { AdminListPage } from '../layout/AdminPages';

/** The translations: an administrator marks each as checked by the city (the footer notice then goes). */
export function AdminLanguagesRoute() {
  const { t } = useTranslation();
  const languages = useLanguages();
  const setReviewed = useSetLanguageReviewed();
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: true; text: string } | { ok: false; message: UiMessage } | null>(null);

  async function onChange(entry: LanguageStatus, reviewed: boolean) {
    setBusy(entry.language);
    setResult(null);
    try {
      await setReviewed(entry.language, reviewed);
      setResult({
        ok: true,
        text: t(reviewed ? 'admin.languages.markedReviewed' : 'admin.languages.markedUnchecked', { language: entry.endonym }),
      });
    } catch (error) {
      setResult({ ok: false, message: describeError(error).formError });
    } finally {
      setBusy(null);
    }
  }

  return (
    <AdminListPage section="admin.languages">
      <div role="status" className="app-form__status">
        {result?.ok ? <Alert variant="success" title={result.text} /> : null}
        {result && !result.ok ? <Alert variant="danger" title={translateMessage(t, result.message)} /> : null}
      </div>
      <QueryState query={languages}>
        {(data) => <LanguageReviewTable languages={data} busy={busy} onChange={(entry, reviewed) => void onChange(entry, reviewed)} />}
      </QueryState>
    </AdminListPage>
  );
}
