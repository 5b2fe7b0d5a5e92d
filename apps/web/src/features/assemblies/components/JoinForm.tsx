import { GUEST_NAME_MAX, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, type JoinAssemblyRequest } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { TextField } from '../../../components/ui/FormField';
import { Form } from '../../../components/ui/Form';
import { ApiError } from '../../../lib/api-client';
import { FormError, type FieldErrors } from '../../../lib/messages';
import { useForm } from '../../../lib/use-form';
import { joinAssembly, rememberJoin } from '../../../lib/assembly-join';

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
  /** Offer the check-in code field (on the /join page; at the door people arrive there). */
  withCheckIn?: boolean;
  submitLabel: string;
}

/** Join as the signed-in person or as a named guest; afterwards the live page opens. */
export function JoinForm({ id, initialCode = '', assemblyId, signedInAs, withCheckIn = true, submitLabel }: JoinFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [accountRequired, setAccountRequired] = useState(false);
  const byCode = !assemblyId;
  const form = useForm({
    id,
    initialValues: { code: normalizeCode(initialCode), displayName: '', checkInCode: '' },
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
      const checkInCode = values.checkInCode.trim().toUpperCase();
      if (withCheckIn && checkInCode) body.checkInCode = checkInCode;
      try {
        const joined = await joinAssembly(body);
        rememberJoin(joined, byCode ? code : undefined);
        navigate(`/assemblies/${joined.assemblyId}/live`);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const formError = { key: `errors.${error.code}`, text: error.message };
        if (error.code === 'JOIN_CODE_INVALID') throw new FormError(formError, { code: [{ key: 'assemblies.join.codeUnknown' }] });
        if (error.code === 'CHECK_IN_CODE_INVALID') {
          throw new FormError(formError, { checkInCode: [{ key: 'assemblies.join.checkInWrong' }] });
        }
        if (error.code === 'ACCOUNT_REQUIRED') setAccountRequired(true);
        throw error;
      }
    },
  });
  const returnTo = encodeURIComponent(byCode ? `/join/${normalizeCode(form.values.code)}` : location.pathname);

  return (
    <>
      {accountRequired ? (
        <Alert variant="warning" title={t('assemblies.join.accountRequiredTitle')} role="alert">
          <p className="kern-body">
            {t('assemblies.join.accountRequiredText')}{' '}
            <Link className="kern-link" to={`/login?returnTo=${returnTo}`}>
              {t('assemblies.join.signIn')}
            </Link>
          </p>
        </Alert>
      ) : null}
      <Form form={form} submitLabel={submitLabel} submitIcon="arrow-forward">
        {byCode ? (
          <TextField
            {...form.field('code', { label: t('assemblies.join.code'), required: true })}
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
            {...form.field('checkInCode', { label: t('assemblies.join.checkInCode'), maxLength: 12 })}
            hint={t('assemblies.join.checkInCodeHint')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        ) : null}
      </Form>
    </>
  );
}
