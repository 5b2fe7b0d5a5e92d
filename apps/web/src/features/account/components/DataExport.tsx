import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
import { exportMyData } from '../api/export-data';

type State = 'idle' | 'running' | 'done';

/** Self-service copy of one's own data (Art. 15 and 20 GDPR) as a JSON file. */
export function DataExport() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>('idle');
  const [error, setError] = useState<UiMessage | null>(null);

  async function download() {
    setState('running');
    setError(null);
    try {
      await exportMyData();
      setState('done');
    } catch (caught) {
      setError(describeError(caught).formError);
      setState('idle');
    }
  }

  return (
    <>
      <Button variant="secondary" icon="download" busy={state === 'running'} onClick={download}>
        {state === 'running' ? t('account.export.running') : t('account.export.submit')}
      </Button>
      <div role="status" className="app-form__status">
        {state === 'done' ? <Alert variant="success" title={t('account.export.done')} /> : null}
      </div>
      <div role="alert">
        {error ? (
          <Alert variant="danger" title={t('account.export.failed')}>
            <p className="kern-body">{translateMessage(t, error)}</p>
          </Alert>
        ) : null}
      </div>
    </>
  );
}
