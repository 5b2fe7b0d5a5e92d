import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/Alert';
import { ButtonLink } from '../../../components/ui/Button';
import { Loading } from '../../../components/ui/QueryState';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
import { sessionQueryKey } from '../../../lib/session';
import { verifyEmail } from '../api/verify-email';
import { ResendVerificationSection } from './EmailLinkForm';

type State = { status: 'pending' } | { status: 'done' } | { status: 'failed'; error: UiMessage };

/** Confirms the token from the mail link once; offers a new mail if the link is used up or expired. */
export function VerifyEmailStatus({ token, signedIn }: { token: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>(token ? { status: 'pending' } : { status: 'failed', error: { key: 'errors.TOKEN_INVALID' } });
  const sent = useRef(false);

  useEffect(() => {
    // Tokens are single-use: React's development double effects must not send it twice.
    if (!token || sent.current) return;
    sent.current = true;
    verifyEmail({ token })
      .then(async () => {
        // An email change confirmed here changes the signed-in account.
        await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        setState({ status: 'done' });
      })
      .catch((error: unknown) => setState({ status: 'failed', error: describeError(error).formError }));
  }, [token, queryClient]);

  if (state.status === 'pending') return <Loading />;
  if (state.status === 'done') {
    return (
      <>
        <Alert variant="success" role="status" title={t('auth.verify.success')}>
          <p className="kern-body">{t('auth.verify.successText')}</p>
        </Alert>
        <p className="section">
          <ButtonLink to={signedIn ? '/account' : '/login'} variant="primary" icon="arrow-forward">
            {signedIn ? t('auth.verify.toAccount') : t('auth.verify.toLogin')}
          </ButtonLink>
        </p>
      </>
    );
  }
  return (
    <>
      <Alert variant="danger" role="alert" title={t('auth.verify.failed')}>
        <p className="kern-body">{translateMessage(t, state.error)}</p>
      </Alert>
      <ResendVerificationSection intro={t('auth.resend.introExpired')} />
    </>
  );
}
