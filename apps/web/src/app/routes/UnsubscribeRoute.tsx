import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/Alert';
import { Button, ButtonLink } from '../../components/ui/Button';
import { Page } from '../../components/ui/Page';
import { unsubscribe } from '../../features/proposals/api/follow';
import { describeError, translateMessage, type UiMessage } from '../../lib/messages';

/** The link from a notification e-mail: one click confirms, no sign-in needed. */
export function UnsubscribeRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<UiMessage | null>(null);

  async function confirm() {
    setState('busy');
    setError(null);
    try {
      await unsubscribe(token);
      setState('done');
    } catch (caught) {
      setError(describeError(caught).formError);
      setState('idle');
    }
  }

  return (
    <Page title={t('unsubscribe.title')} lead={token ? t('unsubscribe.lead') : undefined}>
      <div role="status" className="app-form__status">
        {state === 'done' ? <Alert variant="success" title={t('unsubscribe.done')} /> : null}
      </div>
      {error ? (
        <div role="alert">
          <Alert variant="danger" title={translateMessage(t, error)} />
        </div>
      ) : null}
      {!token ? (
        <Alert variant="warning" title={t('errors.TOKEN_INVALID')} />
      ) : state !== 'done' ? (
        <p>
          <Button icon="mail" busy={state === 'busy'} onClick={() => void confirm()}>
            {t('unsubscribe.confirm')}
          </Button>
        </p>
      ) : (
        <p>
          <ButtonLink to="/proposals">{t('unsubscribe.toProposals')}</ButtonLink>
        </p>
      )}
    </Page>
  );
}
