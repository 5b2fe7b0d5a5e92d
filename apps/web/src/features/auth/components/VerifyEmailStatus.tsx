import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/FormField';
import { Alert } from '../../../components/ui/Alert';
import { ButtonLink } from '../../../components/ui/Button';
import { Form } from '../../../components/ui/Form';
import { Loading } from '../../../components/ui/QueryState';
import { ApiError } from '../../../lib/api-client';
import { describeError, FormError, translateMessage, type UiMessage } from '../../../lib/messages';
import { withReturnTo } from '../../../lib/return-path';
import { sessionQueryKey } from '../../../lib/session';
import { useForm } from '../../../lib/use-form';
import { verifyEmail } from '../api/verify-email';
import { ResendVerificationSection } from './EmailLinkForm';

type State =
  { status: 'pending' } | { status: 'password' } | { status: 'done' } | { status: 'already' } | { status: 'failed'; error: UiMessage };

/** Where the button after confirming leads: signing in (then back to `returnTo`), or straight back when signed in. */
function nextPath(signedIn: boolean, returnTo: string | null): string {
  return signedIn ? (returnTo ?? '/account') : withReturnTo('/login', returnTo);
}

const isCode = (error: unknown, code: string) => error instanceof ApiError && error.code === code;

/**
 * Confirms the token from the mail link once; offers a new mail if the link is used up or expired.
 * While several registrations wait for the address, the link alone does not say whose password
 * counts: the page then asks for the password chosen when registering. `returnTo` (from the mailed link,
 * checked by the route): the page the person registered from, where signing in leads next.
 */
export function VerifyEmailStatus({ token, signedIn, returnTo = null }: { token: string; signedIn: boolean; returnTo?: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>(token ? { status: 'pending' } : { status: 'failed', error: { key: 'errors.TOKEN_INVALID' } });
  const sent = useRef(false);
  // After the password step the result replaces the form that had focus: focus moves to the result.
  const resultRef = useRef<HTMLDivElement>(null);
  const [askedForPassword, setAskedForPassword] = useState(false);

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
      .catch((error: unknown) => {
        if (isCode(error, 'PASSWORD_REQUIRED')) {
          setAskedForPassword(true);
          setState({ status: 'password' });
        } else if (isCode(error, 'EMAIL_ALREADY_VERIFIED')) setState({ status: 'already' });
        else setState({ status: 'failed', error: describeError(error).formError });
      });
  }, [token, queryClient]);

  useEffect(() => {
    if (askedForPassword && (state.status === 'done' || state.status === 'failed')) resultRef.current?.focus();
  }, [askedForPassword, state.status]);

  if (state.status === 'pending') return <Loading />;
  if (state.status === 'password') {
    return (
      <VerifyWithPasswordForm
        token={token}
        onDone={async () => {
          await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
          setState({ status: 'done' });
        }}
        onLinkEnded={(error) => setState({ status: 'failed', error })}
      />
    );
  }
  if (state.status === 'done' || state.status === 'already') {
    const already = state.status === 'already';
    return (
      <div ref={resultRef} tabIndex={-1}>
        <Alert variant={already ? 'info' : 'success'} role="status" title={already ? t('auth.verify.already') : t('auth.verify.success')}>
          <p className="kern-body">
            {already ? t(signedIn ? 'auth.verify.alreadySignedInText' : 'auth.verify.alreadyText') : t('auth.verify.successText')}
          </p>
        </Alert>
        <p className="section">
          <ButtonLink to={nextPath(signedIn, returnTo)} variant="primary" icon="arrow-forward">
            {signedIn ? t(returnTo ? 'auth.verify.toReturn' : 'auth.verify.toAccount') : t('auth.verify.toLogin')}
          </ButtonLink>
        </p>
      </div>
    );
  }
  return (
    <div ref={resultRef} tabIndex={-1}>
      <Alert variant="danger" role="alert" title={t('auth.verify.failed')}>
        <p className="kern-body">{translateMessage(t, state.error)}</p>
      </Alert>
      <ResendVerificationSection intro={t('auth.resend.introExpired')} />
    </div>
  );
}

function VerifyWithPasswordForm({
  token,
  onDone,
  onLinkEnded,
}: {
  token: string;
  onDone: () => Promise<void>;
  onLinkEnded: (error: UiMessage) => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    id: 'verify-email-password',
    initialValues: { password: '' },
    onSubmit: async (values) => {
      try {
        await verifyEmail({ token, password: values.password });
      } catch (error) {
        if (isCode(error, 'REGISTRATION_PASSWORD_WRONG')) {
          const wrong = describeError(error).formError;
          throw new FormError(wrong, { password: [wrong] });
        }
        // Too many wrong passwords, or the link ended meanwhile: the form cannot help any more.
        if (isCode(error, 'TOKEN_INVALID')) return onLinkEnded(describeError(error).formError);
        throw error;
      }
      await onDone();
    },
  });
  const password = form.field('password', { label: t('auth.verify.passwordLabel'), required: true });

  useEffect(() => {
    document.getElementById(password.id)?.focus();
  }, [password.id]);

  return (
    <section aria-labelledby="verify-email-password-title">
      <Alert variant="info" title={<span id="verify-email-password-title">{t('auth.verify.passwordTitle')}</span>} headingLevel={2}>
        <p className="kern-body">{t('auth.verify.passwordIntro')}</p>
      </Alert>
      <Form form={form} submitLabel={t('auth.verify.passwordSubmit')} submitIcon="check">
        <TextField {...password} hint={t('auth.verify.passwordHint')} type="password" autoComplete="current-password" />
      </Form>
    </section>
  );
}
