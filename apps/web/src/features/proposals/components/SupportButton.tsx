import type { ProposalDetail } from '@app/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { describeError, translateMessage, type UiMessage } from '../../../lib/messages';
import { useToggleSupport } from '../api/support';

/** What the Aktionsraum's support limit means for this viewer, or null without a limit. */
function limitMessage(proposal: ProposalDetail): UiMessage | null {
  const limit = proposal.supportLimit;
  if (!limit || proposal.viewer.isAuthor) return null;
  const params = { area: limit.areaName, limit: limit.limit, count: limit.limit };
  const left = proposal.viewer.supportsLeft;
  if (left === null) return { key: 'proposals.support.limitInfo', params };
  if (left <= 0 && !proposal.viewer.supported) return { key: 'proposals.support.limitUsed', params };
  return { key: 'proposals.support.left', params: { ...params, left } };
}

/**
 * Support button with the live count; once supported it says how to take the support back (its
 * label is the action it performs, so no aria-pressed), and the result is announced as a status. Where the
 * Aktionsraum limits supports per person, the remaining number describes the button; when none is
 * left the button stays usable, so pressing it explains why it cannot count.
 */
export function SupportButton({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const toggle = useToggleSupport();
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState<UiMessage[]>([]);
  const [error, setError] = useState<UiMessage | null>(null);
  const supported = proposal.viewer.supported;
  const limit = limitMessage(proposal);
  const limitId = `support-limit-${proposal.id}`;
  const errorId = `support-error-${proposal.id}`;

  async function onClick() {
    setBusy(true);
    setError(null);
    setAnnouncement([]);
    try {
      const result = await toggle(proposal.id, !supported);
      const messages: UiMessage[] = [
        { key: result.supported ? 'proposals.support.done' : 'proposals.support.undone', params: { count: result.supportCount } },
      ];
      if (proposal.supportLimit && result.supportsLeft !== null) {
        const { areaName, limit: total } = proposal.supportLimit;
        messages.push({ key: 'proposals.support.left', params: { area: areaName, limit: total, count: total, left: result.supportsLeft } });
      }
      setAnnouncement(messages);
    } catch (caught) {
      setError(describeError(caught).formError);
    } finally {
      setBusy(false);
    }
  }

  const describedBy = [limit ? limitId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="support">
      <p className="kern-body support__count">
        <span className="support__number">{proposal.supportCount}</span> {t('proposals.support.count', { count: proposal.supportCount })}
      </p>
      {proposal.viewer.canSupport || supported ? (
        <Button
          variant={supported ? 'secondary' : 'primary'}
          icon={supported ? 'check' : 'add'}
          aria-describedby={describedBy}
          busy={busy}
          onClick={() => void onClick()}
        >
          {t(supported ? 'proposals.support.undoButton' : 'proposals.support.button')}
        </Button>
      ) : null}
      {limit ? (
        <p className="kern-body support__limit" id={limitId}>
          <span className="kern-icon kern-icon--info kern-icon--small" aria-hidden="true" /> {translateMessage(t, limit)}
        </p>
      ) : null}
      <div role="status" className="support__status">
        {announcement.length > 0 ? (
          <span className="kern-body">{announcement.map((message) => translateMessage(t, message)).join(' ')}</span>
        ) : null}
      </div>
      {error ? (
        <p className="kern-error support__error" role="alert" id={errorId}>
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{translateMessage(t, error)}</span>
        </p>
      ) : null}
    </div>
  );
}
