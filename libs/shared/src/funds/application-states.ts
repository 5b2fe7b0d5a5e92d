/**
 * The states of an application to an Aktionsraumfonds (issue 17, DOMAIN.md "The Aktionsraumfonds"):
 * draft → submitted → checked → on the conference's agenda → approved or rejected → paid → proof of
 * use submitted → closed, with two side states:
 *  - returned: the project office sent a submitted application back with a public reason (incomplete
 *    or not eligible as it stands). It is its own state, not a draft again, so the public timeline
 *    shows it; the applicant edits it and submits again, or withdraws it.
 *  - withdrawn: the applicant gives up, at any point before the money is paid (from submitted,
 *    returned, checked, on the agenda or approved; an approved amount goes back to the fund). A draft
 *    is private and is deleted rather than withdrawn.
 * Terminal: rejected, withdrawn, closed. One enum for API, database and web.
 */
export enum ApplicationState {
  Draft = 'draft',
  Submitted = 'submitted',
  Returned = 'returned',
  Checked = 'checked',
  OnAgenda = 'on_agenda',
  Approved = 'approved',
  Rejected = 'rejected',
  Paid = 'paid',
  ProofSubmitted = 'proof_submitted',
  Closed = 'closed',
  Withdrawn = 'withdrawn',
}

export const APPLICATION_STATES: readonly ApplicationState[] = Object.values(ApplicationState);

/** The main path in order; the public timeline follows it. */
export const APPLICATION_MAIN_PATH: readonly ApplicationState[] = [
  ApplicationState.Draft,
  ApplicationState.Submitted,
  ApplicationState.Checked,
  ApplicationState.OnAgenda,
  ApplicationState.Approved,
  ApplicationState.Paid,
  ApplicationState.ProofSubmitted,
  ApplicationState.Closed,
];

export interface ApplicationStateInfo {
  /** i18n key of the state's name: `funds.states.<state>`. */
  labelKey: string;
  /** i18n key of the one-sentence public explanation: `funds.states.<state>_description`. */
  descriptionKey: string;
  /** English explanation (raw API, default text). */
  description: string;
  /** No transition leaves it. */
  terminal: boolean;
  /** Not on the main path (returned, rejected, withdrawn). */
  sideExit: boolean;
  /** Seen by the public. Only drafts are private (the applicant's and the office's eyes only). */
  public: boolean;
  /** The applicant may still change title, purpose, cost items and amount (draft and returned). */
  editable: boolean;
  /** Its approved amount counts against the fund (approved and every later state but withdrawn). */
  commitsMoney: boolean;
}

export function applicationStateLabelKey(state: ApplicationState): string {
  return `funds.states.${state}`;
}

function info(
  state: ApplicationState,
  description: string,
  flags: Omit<ApplicationStateInfo, 'labelKey' | 'descriptionKey' | 'description'>,
): ApplicationStateInfo {
  const labelKey = applicationStateLabelKey(state);
  return { labelKey, descriptionKey: `${labelKey}_description`, description, ...flags };
}

const step = { terminal: false, sideExit: false, public: true, editable: false, commitsMoney: false } as const;

export const APPLICATION_STATE_INFO: Readonly<Record<ApplicationState, ApplicationStateInfo>> = {
  [ApplicationState.Draft]: info(ApplicationState.Draft, 'Being written; only the applicant and the project office see it.', {
    ...step,
    public: false,
    editable: true,
  }),
  [ApplicationState.Submitted]: info(
    ApplicationState.Submitted,
    'Submitted; the project office checks that it is complete and eligible.',
    step,
  ),
  [ApplicationState.Returned]: info(
    ApplicationState.Returned,
    'Sent back by the project office; the public reason says what is missing. The applicant can change it and submit it again.',
    { ...step, sideExit: true, editable: true },
  ),
  [ApplicationState.Checked]: info(ApplicationState.Checked, 'Complete and eligible; it waits for the project conference.', step),
  [ApplicationState.OnAgenda]: info(ApplicationState.OnAgenda, 'On the agenda of the project conference, which decides on it.', step),
  [ApplicationState.Approved]: info(
    ApplicationState.Approved,
    'The project conference granted the money (possibly less than requested; the reason says why).',
    { ...step, commitsMoney: true },
  ),
  [ApplicationState.Rejected]: info(ApplicationState.Rejected, 'Not funded; the public reason says why.', {
    ...step,
    terminal: true,
    sideExit: true,
  }),
  [ApplicationState.Paid]: info(ApplicationState.Paid, 'The money has been paid; a proof of use follows after the project.', {
    ...step,
    commitsMoney: true,
  }),
  [ApplicationState.ProofSubmitted]: info(
    ApplicationState.ProofSubmitted,
    'The applicant showed what the money was spent on; the project office checks the proof of use.',
    { ...step, commitsMoney: true },
  ),
  [ApplicationState.Closed]: info(ApplicationState.Closed, 'Done: the proof of use is accepted; unspent money went back to the fund.', {
    ...step,
    terminal: true,
    commitsMoney: true,
  }),
  [ApplicationState.Withdrawn]: info(ApplicationState.Withdrawn, 'Withdrawn by the applicant; any approved money went back to the fund.', {
    ...step,
    terminal: true,
    sideExit: true,
  }),
};

export const TERMINAL_APPLICATION_STATES: readonly ApplicationState[] = APPLICATION_STATES.filter(
  (s) => APPLICATION_STATE_INFO[s].terminal,
);

/** English state names for messages (the web uses labelKey). */
export const APPLICATION_STATE_NAMES: Readonly<Record<ApplicationState, string>> = {
  [ApplicationState.Draft]: 'a draft',
  [ApplicationState.Submitted]: 'submitted',
  [ApplicationState.Returned]: 'returned',
  [ApplicationState.Checked]: 'checked',
  [ApplicationState.OnAgenda]: "on the conference's agenda",
  [ApplicationState.Approved]: 'approved',
  [ApplicationState.Rejected]: 'rejected',
  [ApplicationState.Paid]: 'paid',
  [ApplicationState.ProofSubmitted]: 'awaiting the check of its proof of use',
  [ApplicationState.Closed]: 'closed',
  [ApplicationState.Withdrawn]: 'withdrawn',
};

export function isApplicationState(value: unknown): value is ApplicationState {
  return typeof value === 'string' && APPLICATION_STATES.includes(value as ApplicationState);
}

/**
 * What happens to an online application's personal data when its applicant deletes their account
 * (DSGVO Art. 17), by its state:
 *  - 'delete': a draft was never public and started no procedure; it goes with its files.
 *  - 'erase': no money was granted; the public procedure (title, purpose, amounts, timeline) stays,
 *    the contact data goes, and so does the applicant's name when a private person applied.
 *  - 'keep': money was granted; the application is part of the fund's grant record, so its contact
 *    data stays until the retention period after the application has ended (RetentionService).
 */
export type ApplicationDataOnAccountDeletion = 'delete' | 'erase' | 'keep';

export function applicationDataOnAccountDeletion(state: ApplicationState): ApplicationDataOnAccountDeletion {
  if (state === ApplicationState.Draft) return 'delete';
  return APPLICATION_STATE_INFO[state].commitsMoney ? 'keep' : 'erase';
}
