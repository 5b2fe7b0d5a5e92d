import { AssemblyStatus, RegistrationStatus, type AssemblyDetail, type RegistrationResponse } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
import { useRegistration } from '../api/assemblies';
import { RegistrationInfo } from './RegistrationInfo';
import { withReturnTo } from '../../../lib/return-path';

/**
 * Register or cancel. Shows whether the place is confirmed or on the waiting list (with its
 * position right after registering); the outcome is announced in a status region.
 */
export function RegistrationPanel({ assembly, signedIn }: { assembly: AssemblyDetail; signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { register, cancel } = useRegistration();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RegistrationResponse | null>(null);
  const [notice, setNotice] = useState<UiMessage | null>(null);
  const [error, setError] = useState<UiMessage | null>(null);
  const status = assembly.viewer.registration;
  const active = status === RegistrationStatus.Confirmed || status === RegistrationStatus.Waitlisted;
  const open = assembly.status !== AssemblyStatus.Closed;

  async function run(action: () => Promise<UiMessage>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (caught) {
      setError(describeError(caught).formError);
    } finally {
      setBusy(false);
    }
  }

  // Right after registering the answer has the place; after a reload the detail carries it.
  const position = status === RegistrationStatus.Waitlisted ? (result?.waitlistPosition ?? assembly.viewer.waitlistPosition) : null;

  return (
    <div className="registration">
      <p className="kern-body registration__places">
        <RegistrationInfo assembly={assembly} />
      </p>
      {!signedIn ? (
        open ? (
          <p className="kern-body">
            <Link className="kern-link" to={withReturnTo('/login', location.pathname)}>
              {t('assemblies.registration.signInToRegister')}
            </Link>
          </p>
        ) : null
      ) : status === RegistrationStatus.Confirmed ? (
        <Alert variant="success" title={t('assemblies.registration.confirmed')}>
          <p className="kern-body">{t('assemblies.registration.confirmedText')}</p>
        </Alert>
      ) : status === RegistrationStatus.Waitlisted ? (
        <Alert variant="info" title={t('assemblies.registration.waitlisted')}>
          <p className="kern-body">
            {position ? t('assemblies.registration.waitlistPosition', { position }) : t('assemblies.registration.waitlistedText')}
          </p>
        </Alert>
      ) : null}
      {signedIn && open ? (
        <div className="registration__actions">
          {active ? (
            <Button
              variant="secondary"
              icon="close"
              busy={busy}
              onClick={() =>
                void run(async () => {
                  await cancel(assembly.id);
                  setResult(null);
                  return { key: 'assemblies.registration.cancelled' };
                })
              }
            >
              {t('assemblies.registration.cancel')}
            </Button>
          ) : assembly.viewer.canRegister ? (
            <Button
              icon="check"
              busy={busy}
              onClick={() =>
                void run(async () => {
                  const response = await register(assembly.id);
                  setResult(response);
                  return response.status === RegistrationStatus.Waitlisted
                    ? { key: 'assemblies.registration.doneWaitlisted', params: { position: response.waitlistPosition ?? '' } }
                    : { key: 'assemblies.registration.doneConfirmed' };
                })
              }
            >
              {t('assemblies.registration.register')}
            </Button>
          ) : (
            <p className="kern-body">{t('assemblies.registration.unavailable')}</p>
          )}
        </div>
      ) : null}
      <div role="status" className="registration__status">
        {notice ? <p className="kern-body registration__notice">{translateMessage(t, notice)}</p> : null}
      </div>
      <div role="alert">{error ? <p className="kern-body registration__error">{translateMessage(t, error)}</p> : null}</div>
    </div>
  );
}
