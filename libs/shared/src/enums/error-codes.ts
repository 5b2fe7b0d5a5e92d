/**
 * Machine-readable codes carried in every error body. The web translates them
 * (errors.<CODE> in its i18n files); the API maps each to one HTTP status.
 */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  CsrfTokenInvalid = 'CSRF_TOKEN_INVALID',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  /** 503: the database could not take the request in time (busy, lock wait, deadlock); safe to retry. */
  Busy = 'BUSY',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  EmailNotVerified = 'EMAIL_NOT_VERIFIED',
  TokenInvalid = 'TOKEN_INVALID',
  /** A confirmation link opened again after it confirmed the address: nothing to do, sign in (409). */
  EmailAlreadyVerified = 'EMAIL_ALREADY_VERIFIED',
  /** Several registrations wait for this address: confirming needs the password of one of them (422). */
  PasswordRequired = 'PASSWORD_REQUIRED',
  /** The password matches none of the registrations waiting for this address (422). */
  RegistrationPasswordWrong = 'REGISTRATION_PASSWORD_WRONG',
  EmailTaken = 'EMAIL_TAKEN',
  LastAdministrator = 'LAST_ADMINISTRATOR',
  AreaCodeTaken = 'AREA_CODE_TAKEN',
  AreaParentInvalid = 'AREA_PARENT_INVALID',
  AreaValidityInvalid = 'AREA_VALIDITY_INVALID',
  FieldOfActionCodeTaken = 'FIELD_OF_ACTION_CODE_TAKEN',
  UnprocessableEntity = 'UNPROCESSABLE_ENTITY',
  ProposalNotEditable = 'PROPOSAL_NOT_EDITABLE',
  ProposalClosed = 'PROPOSAL_CLOSED',
  ReferenceInvalid = 'REFERENCE_INVALID',
  CommentNotEditable = 'COMMENT_NOT_EDITABLE',
  MergeInvalid = 'MERGE_INVALID',
  SupportLimitReached = 'SUPPORT_LIMIT_REACHED',
  AttachmentTypeNotAllowed = 'ATTACHMENT_TYPE_NOT_ALLOWED',
  AttachmentLimitReached = 'ATTACHMENT_LIMIT_REACHED',
  AssemblyNotLive = 'ASSEMBLY_NOT_LIVE',
  AssemblyClosed = 'ASSEMBLY_CLOSED',
  JoinCodeInvalid = 'JOIN_CODE_INVALID',
  /** No check-in card of this assembly has this code (422). */
  CheckInCardInvalid = 'CHECK_IN_CARD_INVALID',
  /** The check-in card was revoked (lost and replaced); it admits nobody any more (403). */
  CheckInCardRevoked = 'CHECK_IN_CARD_REVOKED',
  /** The check-in card was used on another device a moment ago, or this device holds another card (409). */
  CheckInCardBusy = 'CHECK_IN_CARD_BUSY',
  AccountRequired = 'ACCOUNT_REQUIRED',
  NotParticipant = 'NOT_PARTICIPANT',
  CheckInRequired = 'CHECK_IN_REQUIRED',
  IntakeClosed = 'INTAKE_CLOSED',
  RoundNotOpen = 'ROUND_NOT_OPEN',
  RoundClosed = 'ROUND_CLOSED',
  BallotInvalid = 'BALLOT_INVALID',
  AlreadyVoted = 'ALREADY_VOTED',
  RoundStateInvalid = 'ROUND_STATE_INVALID',
  RegistrationClosed = 'REGISTRATION_CLOSED',
  SpeakerStateInvalid = 'SPEAKER_STATE_INVALID',
  /** The project's workflow state does not allow this step (409). */
  TransitionNotAllowed = 'TRANSITION_NOT_ALLOWED',
  /** A workflow step lacks required data; details name each field (422). */
  TransitionFieldsMissing = 'TRANSITION_FIELDS_MISSING',
  /** Milestones and status reports belong to running single projects only (409). */
  ProjectNotRunning = 'PROJECT_NOT_RUNNING',
  /** An indicator with this key exists already (409). */
  IndicatorKeyTaken = 'INDICATOR_KEY_TAKEN',
  /** The indicator still has values or targets and cannot be deleted (409). */
  IndicatorInUse = 'INDICATOR_IN_USE',
  /** Machine translation is not offered here (no TRANSLATE_URL) (404). */
  TranslationOff = 'TRANSLATION_OFF',
  /** The translation server did not answer or refused (503); the original stays readable. */
  TranslationUnavailable = 'TRANSLATION_UNAVAILABLE',
  /** The sign language video is not an MP4 or WebM video (its content was checked) (422). */
  VideoTypeNotAllowed = 'VIDEO_TYPE_NOT_ALLOWED',
  /** A sign language video without its WebVTT captions is refused (422). */
  CaptionsRequired = 'CAPTIONS_REQUIRED',
  /** The captions file is not WebVTT with at least one cue; the message names the line (422). */
  CaptionsInvalid = 'CAPTIONS_INVALID',
  /** The requested byte range lies outside the file (416). */
  RangeNotSatisfiable = 'RANGE_NOT_SATISFIABLE',
  Internal = 'INTERNAL_ERROR',
}
