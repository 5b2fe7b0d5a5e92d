import type { ProposalDetail } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
import { useToggleSupport } from '../api/support';

/** Toggle button (aria-pressed) with the live count; the result is announced as a status. */
export function SupportButton({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const toggle = useToggleSupport();
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState<UiMessage | null>(null);
  const [error, setError] = useState<UiMessage | null>(null);
  const supported = proposal.viewer.supported;

  async function onClick() {
    setBusy(true);
    setError(null);
    try {
      const result = await toggle(proposal.id, !supported);
      setAnnouncement({
        key: result.supported ? 'proposals.support.done' : 'proposals.support.undone',
        params: { count: result.supportCount },
      });
    } catch (caught) {
      setError(describeError(caught).formError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="support">
      <p className="kern-body support__count">
        <span className="support__number">{proposal.supportCount}</span> {t('proposals.support.count', { count: proposal.supportCount })}
      </p>
      {proposal.viewer.canSupport || supported ? (
        <Button
          variant={supported ? 'secondary' : 'primary'}
          icon={supported ? 'check' : 'add'}
          aria-pressed={supported}
          busy={busy}
          onClick={() => void onClick()}
        >
          {t('proposals.support.button')}
        </Button>
      ) : null}
      <div role="status" className="support__status">
        {announcement ? <span className="kern-body">{translateMessage(t, announcement)}</span> : null}
      </div>
      {error ? (
        <p className="kern-error" role="alert">
          <span className="kern-body">{translateMessage(t, error)}</span>
        </p>
      ) : null}
    </div>
  );
}
