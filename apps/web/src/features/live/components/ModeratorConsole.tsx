import type { LiveState, ModeratorState } from '@app/shared';
import { useMemo } from 'react';
import type { LiveConnection } from '../hooks/useLive';
import { Announcer, useAnnouncer } from './common';
import { AgendaPanel } from './console/AgendaPanel';
import { ConsoleContext } from './console/ConsoleContext';
import { IntakePanel } from './console/IntakePanel';
import { SpeakersPanel } from './console/SpeakersPanel';
import { StatusPanel } from './console/StatusPanel';
import { VotingPanel } from './console/VotingPanel';

/** The moderator's console: one panel per job (console/), sharing the connection and states through a context. */
export function ModeratorConsole({ live, state, moderator }: { live: LiveConnection; state: LiveState; moderator: ModeratorState }) {
  const [announcement, announce] = useAnnouncer();
  const value = useMemo(() => ({ live, state, moderator, announce }), [live, state, moderator, announce]);
  return (
    <ConsoleContext.Provider value={value}>
      <div className="live-console">
        <Announcer message={announcement} />
        <StatusPanel />
        <AgendaPanel />
        <IntakePanel />
        <SpeakersPanel />
        <VotingPanel />
      </div>
    </ConsoleContext.Provider>
  );
}
