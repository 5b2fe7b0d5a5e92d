import { ErrorCode, type FieldErrorDetail } from '@app/shared';

/** HTTP status for every error code: the only place that decides it. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.MalformedJson]: 400,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.CsrfTokenInvalid]: 403,
  [ErrorCode.EmailNotVerified]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.EmailTaken]: 409,
  [ErrorCode.LastAdministrator]: 409,
  [ErrorCode.AreaCodeTaken]: 409,
  [ErrorCode.FieldOfActionCodeTaken]: 409,
  [ErrorCode.TokenInvalid]: 400,
  [ErrorCode.EmailAlreadyVerified]: 409,
  [ErrorCode.PasswordRequired]: 422,
  [ErrorCode.RegistrationPasswordWrong]: 422,
  [ErrorCode.AreaParentInvalid]: 422,
  [ErrorCode.AreaValidityInvalid]: 422,
  [ErrorCode.UnprocessableEntity]: 422,
  [ErrorCode.ProposalNotEditable]: 409,
  [ErrorCode.ProposalClosed]: 409,
  [ErrorCode.ReferenceInvalid]: 422,
  [ErrorCode.CommentNotEditable]: 409,
  [ErrorCode.MergeInvalid]: 422,
  [ErrorCode.SupportLimitReached]: 409,
  [ErrorCode.AttachmentTypeNotAllowed]: 422,
  [ErrorCode.AttachmentLimitReached]: 409,
  [ErrorCode.AssemblyNotLive]: 409,
  [ErrorCode.AssemblyClosed]: 409,
  [ErrorCode.JoinCodeInvalid]: 404,
  [ErrorCode.CheckInCardInvalid]: 422,
  [ErrorCode.CheckInCardRevoked]: 403,
  [ErrorCode.CheckInCardBusy]: 409,
  [ErrorCode.AccountRequired]: 401,
  [ErrorCode.NotParticipant]: 403,
  [ErrorCode.CheckInRequired]: 403,
  [ErrorCode.IntakeClosed]: 409,
  [ErrorCode.RoundNotOpen]: 409,
  [ErrorCode.RoundClosed]: 409,
  [ErrorCode.BallotInvalid]: 422,
  [ErrorCode.AlreadyVoted]: 409,
  [ErrorCode.RoundStateInvalid]: 409,
  [ErrorCode.RegistrationClosed]: 409,
  [ErrorCode.SpeakerStateInvalid]: 409,
  [ErrorCode.TransitionNotAllowed]: 409,
  [ErrorCode.TransitionFieldsMissing]: 422,
  [ErrorCode.ProjectNotRunning]: 409,
  [ErrorCode.IndicatorKeyTaken]: 409,
  [ErrorCode.IndicatorInUse]: 409,
  [ErrorCode.TranslationOff]: 404,
  [ErrorCode.TranslationUnavailable]: 503,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.Busy]: 503,
  [ErrorCode.VideoTypeNotAllowed]: 422,
  [ErrorCode.CaptionsRequired]: 422,
  [ErrorCode.CaptionsInvalid]: 422,
  [ErrorCode.RangeNotSatisfiable]: 416,
  [ErrorCode.Internal]: 500,
};

/**
 * What services throw: a code (which fixes the HTTP status), a message a person can act on,
 * and optional field details. The global filter turns it into the one error body.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldErrorDetail[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.NotFound, `${what} was not found.`);
