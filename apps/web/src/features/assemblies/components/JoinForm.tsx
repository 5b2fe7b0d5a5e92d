import {
  CHECK_IN_CARD_CODE_LENGTH,
  GUEST_NAME_MAX,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  normalizeCardCode,
  type JoinAssemblyRequest,
} from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { TextField } from '../../../components/ui/FormField';
import { Form } from '../../../components/ui/Form';
import { TermToggle } from '../../../components/ui/Term';
import { ApiError } from '../../../lib/api-client';
import { FormError, type FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { assemblyForCode, joinAssembly, rememberJoin, storedGuestToken } from '../../../lib/assembly-join';
import { withReturnTo } from '../../../lib/return-path';

/** Upper case, without the spaces and dashes people type when copying a code off a screen. */
export function normalizeCode(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '');
}

const ALPHABET = new Set(JOIN_CODE_ALPHABET);
const LETTERS_LEFT_OUT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  .split('')
  .filter((letter) => !ALPHABET.has(letter))
  .join(', ');
const DIGITS = JOIN_CODE_ALPHABET.replace(/[A-Z]/g, '');

interface JoinFormProps {
  id: string;
  /** Joining by code (the /join page): the code field, prefilled. */
  initialCode?: string;
  /** Joining from the detail page: the assembly is known, no code field. */
  assemblyId?: string;
  /** The signed-in person's name; null for guests. */
  signedInAs: string | null;
  /** Offer the check-in card field (on the /join page; a card's QR code leads there). */
  withCheckIn?: boolean;
  /** The card code from the QR code (?card=). */
  initialCard?: string;
  submitLabel: string;
}

/** Join as the signed-in person or as a named guest; afterwards the live page opens. */
export function JoinForm({
  id,
  initialCode = '',
  initialCard = '',
  assemblyId,
  signedInAs,
  withCheckIn = true,
  submitLabel,
}: JoinFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [accountRequired, setAccountRequired] = useState(false);
  const byCode = !assemblyId;
  const form = useForm({
    id,
    initialValues: { code: normalizeCode(initialCode), displayName: '', card: initialCard },
    validate: (values) => {
      const errors: FieldErrors = {};
      const code = normalizeCode(values.code);
      if (byCode && code && (code.length !== JOIN_CODE_LENGTH || [...code].some((char) => !ALPHABET.has(char)))) {
        errors.code = [{ key: 'assemblies.join.codeFormat', params: { length: JOIN_CODE_LENGTH } }];
      }
      return errors;
    },
    onSubmit: async (values) => {
      setAccountRequired(false);
      const code = normalizeCode(values.code);
      const body: JoinAssemblyRequest = byCode ? { code } : { assemblyId };
      if (!signedInAs) body.displayName = values.displayName.trim();
      const card = normalizeCardCode(values.card);
      if (withCheckIn && card) body.card = card;
      // A guest who joined on this device before stays the same participant (the card moves to it, not to a new guest).
      const known = byCode ? assemblyForCode(code) : (assemblyId ?? null);
      const token = known && !signedInAs ? storedGuestToken(known) : null;
      if (token) body.guestToken = token;
      try {
        const joined = await joinAssembly(body);
        rememberJoin(joined, byCode ? code : undefined);
        navigate(`/assemblies/${joined.assemblyId}/live`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const formError = { key: `errors.${error.code}`, text: error.message };
        if (error.code === 'JOIN_CODE_INVALID') throw new FormError(formError, { code: [{ key: 'assemblies.join.codeUnknown' }] });
        if (error.code.startsWith('CHECK_IN_CARD'))
          throw new FormError(formError, { card: [{ key: `errors.${error.code}`, text: error.message }] });
        if (error.code === 'ACCOUNT_REQUIRED') setAccountRequired(true);
        throw error;
      }
    },
  });
  const loginPath = withReturnTo('/login', byCode ? `/join/${normalizeCode(form.values.code)}` : location.pathname);

  return (
    <>
      {accountRequired ? (
        <Alert variant="warning" title={t('assemblies.join.accountRequiredTitle')} role="alert">
          <p className="kern-body">
            {t('assemblies.join.accountRequiredText')}{' '}
            <Link className="kern-link" to={loginPath}>
              {t('assemblies.join.signIn')}
            </Link>
          </p>
        </Alert>
      ) : null}
      <Form form={form} submitLabel={submitLabel} submitIcon="arrow-forward">
        {byCode ? (
          <TextField
            {...form.field('code', { label: t('assemblies.join.code'), required: true })}
            labelAddon={<TermToggle name="joinCode" label={t('assemblies.join.code')} />}
            onChange={(value) => form.setValue('code', value.toUpperCase())}
            hint={t('assemblies.join.codeHint', {
              length: JOIN_CODE_LENGTH,
              letters: LETTERS_LEFT_OUT,
              digits: `${DIGITS[0]}–${DIGITS.at(-1)}`,
            })}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={JOIN_CODE_LENGTH + 4}
          />
        ) : null}
        {signedInAs ? (
          <p className="kern-body join-as">{t('assemblies.join.signedInAs', { name: signedInAs })}</p>
        ) : (
          <TextField
            {...form.field('displayName', { label: t('assemblies.join.displayName'), required: true, maxLength: GUEST_NAME_MAX })}
            hint={t('assemblies.join.displayNameHint', { max: GUEST_NAME_MAX })}
            autoComplete="nickname"
          />
        )}
        {withCheckIn ? (
          <TextField
            {...form.field('card', { label: t('assemblies.join.card'), maxLength: CHECK_IN_CARD_CODE_LENGTH + 4 })}
            onChange={(value) => form.setValue('card', value.toUpperCase())}
            hint={t('assemblies.join.cardHint')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        ) : null}
      </Form>
    </>
  );
}
