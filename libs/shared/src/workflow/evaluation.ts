import { calendarDate, checkField, type FieldGuard, GuardFieldType, GuardRule, type MissingField } from './guards';

/**
 * How a finished single project went. Only successful or partly successful runs prove a pattern
 * worth turning into a project type ("proven projects become project types").
 */
export enum EvaluationOutcome {
  Successful = 'successful',
  PartlySuccessful = 'partly_successful',
  NotSuccessful = 'not_successful',
}

export const EVALUATION_OUTCOMES: readonly EvaluationOutcome[] = Object.values(EvaluationOutcome);
export const POSITIVE_EVALUATION_OUTCOMES: readonly EvaluationOutcome[] = [
  EvaluationOutcome.Successful,
  EvaluationOutcome.PartlySuccessful,
];

export const EVALUATION_EVIDENCE_MIN = 50;
export const EVALUATION_EVIDENCE_MAX = 5000;

/** The evaluation recorded on a finished single project. */
export interface RunEvaluation {
  outcome: EvaluationOutcome;
  /** What shows the outcome: numbers, observations, feedback from participants. */
  evidence: string;
  /** Keys of the social-report indicators the run aimed at (e.g. "kinder_sgb2", "sprachkompetenz"). */
  indicatorKeys: string[];
}

/**
 * One single-project run the guards look at. For a single project: the project itself (and nothing
 * else); for a project type: its instances, including the run it grew out of.
 */
export interface ProjectRunFacts {
  id: string;
  /** The Aktionsraum the run takes place in. */
  areaId: string;
  /** The run is over (completed, or ended early). */
  finished: boolean;
  evaluation: RunEvaluation | null;
}

/** The field guards of an evaluation; the API can use them when the evaluation is recorded, too. */
export const EVALUATION_GUARDS: readonly FieldGuard[] = [
  { field: 'outcome', type: GuardFieldType.Text, required: true, label: 'evaluation outcome' },
  {
    field: 'evidence',
    type: GuardFieldType.Text,
    required: true,
    label: 'evaluation evidence',
    minLength: EVALUATION_EVIDENCE_MIN,
    maxLength: EVALUATION_EVIDENCE_MAX,
  },
  { field: 'indicatorKeys', type: GuardFieldType.List, required: true, label: 'indicator(s) the run aimed at', minItems: 1 },
];

/**
 * Everything wrong with an evaluation, as MissingField entries under `prefix` (e.g. "runs.r1.evaluation.").
 * An evaluation with a valid but negative outcome is complete yet does not prove the pattern: that is
 * reported only when `requirePositive` is set.
 */
export function checkEvaluation(evaluation: unknown, now: Date, prefix = 'evaluation.', requirePositive = false): MissingField[] {
  const path = prefix.replace(/\.$/, '');
  if (evaluation === null || evaluation === undefined || typeof evaluation !== 'object') {
    return [
      {
        field: path,
        rule: GuardRule.Required,
        message: 'Record an evaluation of the finished run (outcome, evidence, indicators it aimed at).',
        source: 'subject',
      },
    ];
  }
  const record = evaluation as Record<string, unknown>;
  const problems = EVALUATION_GUARDS.flatMap((guard) => checkField(guard, record, now, prefix).problems);
  const outcome = record.outcome;
  if (typeof outcome === 'string' && outcome.trim() !== '') {
    if (!EVALUATION_OUTCOMES.includes(outcome as EvaluationOutcome)) {
      problems.unshift({
        field: `${prefix}outcome`,
        rule: GuardRule.Choice,
        message: `The evaluation outcome must be one of: ${EVALUATION_OUTCOMES.join(', ')}.`,
        source: 'subject',
        params: { choices: EVALUATION_OUTCOMES.join(',') },
      });
    } else if (requirePositive && !POSITIVE_EVALUATION_OUTCOMES.includes(outcome as EvaluationOutcome)) {
      problems.unshift({
        field: `${prefix}outcome`,
        rule: GuardRule.PositiveOutcome,
        message: 'The run was evaluated as not successful; only a successful or partly successful run proves a pattern.',
        source: 'subject',
      });
    }
  }
  return problems;
}

/**
 * A run is completed and evaluated on or after the day it starts (Europe/Berlin), never before: an
 * evaluation dated before the start date describes nothing that happened.
 */
export function checkRunStarted(startDate: string | null, now: Date): MissingField[] {
  const today = calendarDate(now);
  if (!startDate || startDate <= today) return [];
  return [
    {
      field: 'startDate',
      rule: GuardRule.RunNotStarted,
      message: `The project starts on ${startDate}; it can be completed and evaluated from that day on (today is ${today}).`,
      source: 'subject',
      params: { startDate, today },
    },
  ];
}
