import { VotingRoundStatus, type LiveState, type ModeratorState } from '@app/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveConnection } from '../hooks/useLive';
import { Announcer, useAnnouncer } from './common';
import { AgendaPanel } from './console/AgendaPanel';
import { CheckInSection } from './console/CheckInSection';
import { ConsoleContext, type ConsoleSectionId } from './console/ConsoleContext';
import { ConsoleTabs, type ConsoleSection } from './console/ConsoleTabs';
import { IntakePanel } from './console/IntakePanel';
import { LiveStatusBar } from './console/LiveStatusBar';
import { SpeakersPanel } from './console/SpeakersPanel';
import { StatusPanel } from './console/StatusPanel';
import { VotingPanel } from './console/VotingPanel';

/**
 * The moderator's console: the live status always in sight, the jobs in sections (one tab each, so a
 * laptop screen reaches every one without scrolling), sharing the connection and states through a context.
 */
export function ModeratorConsole({ live, state, moderator }: { live: LiveConnection; state: LiveState; moderator: ModeratorState }) {
  const { t } = useTranslation();
  const [announcement, announce] = useAnnouncer();
  const [active, setActive] = useState<ConsoleSectionId>('agenda');
  const pendingFocus = useRef<{ section?: ConsoleSectionId; roundId?: string } | null>(null);

  const showSection = useCallback((section: ConsoleSectionId) => {
    pendingFocus.current = { section };
    setActive(section);
  }, []);
  const focusOpenRound = useCallback((roundId: string) => {
    pendingFocus.current = { roundId };
  }, []);

  // Focus follows the action once the state shows its result (the section shown, the round opened).
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    if (pending.section) {
      pendingFocus.current = null;
      document.getElementById(`console-section-${pending.section}`)?.focus();
    } else if (moderator.rounds.some((r) => r.id === pending.roundId && r.status === VotingRoundStatus.Open)) {
      pendingFocus.current = null;
      document.getElementById('console-open-round')?.focus();
    }
  });

  const value = useMemo(
    () => ({ live, state, moderator, announce, showSection, focusOpenRound }),
    [live, state, moderator, announce, showSection, focusOpenRound],
  );
  const openRounds = moderator.rounds.filter((r) => r.status === VotingRoundStatus.Open).length;
  const sections: ConsoleSection[] = [
    {
      id: 'agenda',
      label: t('live.console.tabs.agenda'),
      count: null,
      content: (
        <div className="live-console__grid live-console__grid--pair">
          <AgendaPanel />
          <StatusPanel />
        </div>
      ),
    },
    {
      id: 'intake',
      label: t('live.console.tabs.intake'),
      count: moderator.pendingProposals.length,
      countLabel: t('live.console.intake.pending', { count: moderator.pendingProposals.length }),
      content: <IntakePanel />,
    },
    {
      id: 'voting',
      label: t('live.console.tabs.voting'),
      count: openRounds,
      countLabel: t('live.console.tabs.votingOpen'),
      content: <VotingPanel />,
    },
    {
      id: 'speakers',
      label: t('live.console.tabs.speakers'),
      count: state.speakers.queue.length,
      countLabel: t('live.speakers.queue', { count: state.speakers.queue.length }),
      content: <SpeakersPanel />,
    },
    { id: 'checkin', label: t('live.console.tabs.checkin'), count: null, content: <CheckInSection /> },
  ];
  return (
    <ConsoleContext.Provider value={value}>
      <div className="live-console">
        <Announcer message={announcement} />
        <ConsoleTabs
          header={<LiveStatusBar />}
          sections={sections}
          active={active}
          onSelect={setActive}
          label={t('live.console.tabs.label')}
        />
      </div>
    </ConsoleContext.Provider>
  );
}
