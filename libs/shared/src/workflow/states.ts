import type { ExplanationKey } from '../glossary';

/**
 * The states of the Verstetigung lifecycle (DOMAIN.md, "The lifecycle the software must carry"):
 * project idea → single project (Einzelprojekt) → project type (Projekttyp) → regular operation
 * (Regelbetrieb), with the side exits rejected, parked and ended. One enum for API, database and web.
 */
export enum ProjectState {
  Idea = 'idea',
  SingleProject = 'single_project',
  ProjectType = 'project_type',
  RegularOperation = 'regular_operation',
  Rejected = 'rejected',
  Parked = 'parked',
  Ended = 'ended',
}

export const PROJECT_STATES: readonly ProjectState[] = Object.values(ProjectState);

/** The main path in order; the public timeline and the portfolio columns follow it. */
export const PROJECT_MAIN_PATH: readonly ProjectState[] = [
  ProjectState.Idea,
  ProjectState.SingleProject,
  ProjectState.ProjectType,
  ProjectState.RegularOperation,
];

/** States that can be left by resuming: parking remembers where a project came from. */
export const PARKABLE_STATES: readonly ProjectState[] = [ProjectState.Idea, ProjectState.SingleProject, ProjectState.ProjectType];

export interface ProjectStateInfo {
  /** i18n key of the state's name in the web (texts live in the web's locale files). */
  labelKey: string;
  /** i18n key of a one-sentence public explanation ("what does this state mean for my idea?"). */
  descriptionKey: string;
  /** English explanation for people reading the raw API and for the default texts. */
  description: string;
  /** No transition leaves a terminal state; a new idea has to start over. */
  terminal: boolean;
  /** A side exit (rejected, parked, ended) rather than a step on the main path. */
  sideExit: boolean;
  /** Listed on the public Vorhabenliste as a current project. Every state is public on the timeline. */
  current: boolean;
  /** The glossary's short explanation of the state's name, for the steps whose names are hard terms. */
  glossaryTerm?: ExplanationKey;
}

/** The i18n key convention: `workflow.states.<state>` and `workflow.states.<state>_description`. */
export function stateLabelKey(state: ProjectState): string {
  return `workflow.states.${state}`;
}

function info(
  state: ProjectState,
  description: string,
  flags: Omit<ProjectStateInfo, 'labelKey' | 'descriptionKey' | 'description'>,
): ProjectStateInfo {
  return { labelKey: stateLabelKey(state), descriptionKey: `${stateLabelKey(state)}_description`, description, ...flags };
}

export const PROJECT_STATE_INFO: Readonly<Record<ProjectState, ProjectStateInfo>> = {
  [ProjectState.Idea]: info(ProjectState.Idea, 'Proposals grouped under a field of action into a project idea.', {
    terminal: false,
    sideExit: false,
    current: false,
  }),
  [ProjectState.SingleProject]: info(
    ProjectState.SingleProject,
    'A single project run by a Träger in one Aktionsraum, with a start date and funding.',
    { terminal: false, sideExit: false, current: true, glossaryTerm: 'singleProject' },
  ),
  [ProjectState.ProjectType]: info(
    ProjectState.ProjectType,
    'A proven pattern: an evaluated single project that can be run in several areas.',
    { terminal: false, sideExit: false, current: true, glossaryTerm: 'projectType' },
  ),
  [ProjectState.RegularOperation]: info(
    ProjectState.RegularOperation,
    "Part of the city's regular operation, owned by a department with a budget line and a council decision.",
    { terminal: false, sideExit: false, current: true, glossaryTerm: 'regularOperation' },
  ),
  [ProjectState.Rejected]: info(ProjectState.Rejected, 'Not pursued; the public reason says why.', {
    terminal: true,
    sideExit: true,
    current: false,
  }),
  [ProjectState.Parked]: info(ProjectState.Parked, 'On hold; it can be resumed where it stopped. The public reason says why.', {
    terminal: false,
    sideExit: true,
    current: false,
  }),
  [ProjectState.Ended]: info(ProjectState.Ended, 'Ended; the public reason says why.', { terminal: true, sideExit: true, current: false }),
};

export const TERMINAL_PROJECT_STATES: readonly ProjectState[] = PROJECT_STATES.filter((s) => PROJECT_STATE_INFO[s].terminal);

/** English state names for messages (the web uses labelKey instead). */
export const PROJECT_STATE_NAMES: Readonly<Record<ProjectState, string>> = {
  [ProjectState.Idea]: 'project idea',
  [ProjectState.SingleProject]: 'single project',
  [ProjectState.ProjectType]: 'project type',
  [ProjectState.RegularOperation]: 'regular operation',
  [ProjectState.Rejected]: 'rejected',
  [ProjectState.Parked]: 'parked',
  [ProjectState.Ended]: 'ended',
};
