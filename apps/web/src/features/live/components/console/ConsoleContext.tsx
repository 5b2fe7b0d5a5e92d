import type { LiveState, ModeratorState } from '@app/shared';
import { createContext, useContext } from 'react';
import type { LiveConnection } from '../../hooks/useLive';

/** The console's sections, one tab each (ConsoleTabs). */
export type ConsoleSectionId = 'agenda' | 'intake' | 'voting' | 'speakers' | 'checkin';

/** What every part of the moderator console shares: the connection, both states and the announcer. */
export interface ConsoleContextValue {
  live: LiveConnection;
  state: LiveState;
  moderator: ModeratorState;
  /** Says a change politely to screen readers (the console's one live region). */
  announce: (message: string) => void;
  /** Shows a section of the console (its tab) and moves focus to its panel. */
  showSection: (section: ConsoleSectionId) => void;
  /** Moves focus to the open round in the status bar once it is there (after starting a vote). */
  focusOpenRound: (roundId: string) => void;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole() outside the ModeratorConsole');
  return value;
}
