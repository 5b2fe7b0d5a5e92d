import type { AssemblyDetail } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
import { forgetGuestToken, joinAssembly, rememberJoin, storedGuestToken } from '../../../lib/assembly-join';
import { JoinForm } from './JoinForm';
import { withReturnTo } from '../../../lib/return-path';

/**
 * The prominent "join online" action of a live assembly: one button for signed-in people and
 * for guests who joined before on this device, a name field for new guests, a sign-in prompt
 * when the assembly requires an account.
 */
export function JoinPanel({ assembly, signedInAs }: { assembly: AssemblyDetail; signedInAs: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [token, setToken] = useState(() => (signedInAs ? null : storedGuestToken(assembly.id)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiMessage | null>(null);

  async function join() {
    setBusy(true);
    setError(null);
    try {
      const joined = await joinAssembly(token ? { assemblyId: assembly.id, guestToken: token } : { assemblyId: assembly.id });
      rememberJoin(joined);
      navigate(`/assemblies/${assembly.id}/live`);
    } catch (caught) {
      if (token) {
        // The stored credential is no longer valid: ask for a name like the first time.
        forgetGuestToken(assembly.id);
        setToken(null);
      }
      setError(describeError(caught).formError);
      setBusy(false);
    }
  }

  const needsName = !signedInAs && !token;
  return (
    <section className="join-panel" aria-labelledby="join-panel-title">
      <h2 className="kern-heading-medium" id="join-panel-title">
        {t('assemblies.detail.liveTitle')}
      </h2>
      <p className="kern-body">{t('assemblies.detail.liveText')}</p>
      {needsName && assembly.requireAccount ? (
        <p className="kern-body">
          {t('assemblies.join.accountRequiredText')}{' '}
          <Link className="kern-link" to={withReturnTo('/login', location.pathname)}>
            {t('assemblies.join.signIn')}
          </Link>
        </p>
      ) : needsName ? (
        <JoinForm
          id="join-online"
          assemblyId={assembly.id}
          signedInAs={null}
          withCheckIn={false}
          submitLabel={t('assemblies.join.submit')}
        />
      ) : (
        <>
          {signedInAs ? <p className="kern-body">{t('assemblies.join.signedInAs', { name: signedInAs })}</p> : null}
          <Button icon="arrow-forward" busy={busy} onClick={() => void join()}>
            {token ? t('assemblies.join.rejoin') : t('assemblies.join.submit')}
          </Button>
        </>
      )}
      <div role="alert">{error ? <p className="kern-body join-panel__error">{translateMessage(t, error)}</p> : null}</div>
    </section>
  );
}
