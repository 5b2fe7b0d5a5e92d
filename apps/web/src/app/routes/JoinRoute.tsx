import { JOIN_CODE_LENGTH } from '@app/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Page } from '../../components/ui/Page';
import { Loading } from '../../components/ui/QueryState';
import { ApiError } from '../../lib/api-client';
import { assemblyForCode, forgetGuestToken, joinAssembly, rememberJoin, storedGuestToken } from '../../lib/assembly-join';
import '../../features/assemblies/components/assemblies.css';
import { JoinForm, normalizeCode } from '../../features/assemblies/components/JoinForm';
import { LiveHelp } from '../../features/live/components/LiveHelp';
import { useSession } from '../../lib/session';
import { withReturnTo } from '../../lib/return-path';

/**
 * /join and /join/:code — joining on a phone. Someone who joined with this code before on this
 * device (guest credential or account) goes straight back in; everybody else gets the form. A
 * check-in card's QR code adds ?card=CODE: it comes along (and moves the card to this device).
 */
export function JoinRoute() {
  const { t } = useTranslation();
  const { code: rawCode = '' } = useParams();
  const code = normalizeCode(rawCode).slice(0, JOIN_CODE_LENGTH + 4);
  const [search] = useSearchParams();
  const card = normalizeCode(search.get('card') ?? '').slice(0, 20);
  const { user, isLoading } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  // Joined with this code before on this device: as a guest (stored credential) or signed in.
  const assemblyId = code ? assemblyForCode(code) : null;
  const token = assemblyId && !user ? storedGuestToken(assemblyId) : null;
  const canRejoin = !isLoading && Boolean(assemblyId) && (Boolean(user) || Boolean(token));

  useEffect(() => {
    if (!canRejoin || !assemblyId || started.current) return;
    started.current = true;
    joinAssembly({ assemblyId, ...(token ? { guestToken: token } : {}), ...(card ? { card } : {}) })
      .then((joined) => {
        rememberJoin(joined, code);
        navigate(`/assemblies/${joined.assemblyId}/live`, { replace: true });
      })
      .catch((error: unknown) => {
        // A refused card leaves the device's credential as it is; the form shows the card again.
        const cardRefused = error instanceof ApiError && error.code.startsWith('CHECK_IN_CARD');
        if (token && !cardRefused) forgetGuestToken(assemblyId);
        setFailed(true);
      });
  }, [assemblyId, canRejoin, card, code, navigate, token]);

  const waiting = isLoading || (canRejoin && !failed);
  return (
    <Page title={t('assemblies.join.title')} lead={t('assemblies.join.lead')}>
      {waiting ? (
        <Loading />
      ) : (
        <div className="join-page">
          <JoinForm
            id="join"
            initialCode={code}
            initialCard={card}
            signedInAs={user?.displayName ?? null}
            submitLabel={t('assemblies.join.submit')}
          />
          <LiveHelp loginPath={user ? undefined : withReturnTo('/login', code ? `/join/${code}` : '/join')} />
        </div>
      )}
    </Page>
  );
}
