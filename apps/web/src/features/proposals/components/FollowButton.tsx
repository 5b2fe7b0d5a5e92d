import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
import { useFollowState, useToggleFollow } from '../api/follow';

/** Follow a proposal to get an e-mail on news; a toggle button with its result announced. */
export function FollowButton({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const state = useFollowState(proposalId);
  const toggle = useToggleFollow();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: UiMessage; error: boolean } | null>(null);
  const following = state.data?.following ?? false;

  async function onClick() {
    setBusy(true);
    try {
      const result = await toggle(proposalId, !following);
      setMessage({ text: { key: result.following ? 'proposals.follow.done' : 'proposals.follow.undone' }, error: false });
    } catch (caught) {
      setMessage({ text: describeError(caught).formError, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="follow">
      <Button variant="secondary" icon={following ? 'check' : 'mail'} aria-pressed={following} busy={busy} onClick={() => void onClick()}>
        {t('proposals.follow.button')}
      </Button>
      <div role="status" className="follow__status">
        {message ? <span className={message.error ? 'kern-error' : 'kern-body'}>{translateMessage(t, message.text)}</span> : null}
      </div>
    </div>
  );
}
