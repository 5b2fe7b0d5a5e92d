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
  InvalidCredentials = 'INVALID_CREDENTIALS',
  EmailNotVerified = 'EMAIL_NOT_VERIFIED',
  TokenInvalid = 'TOKEN_INVALID',
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
  Internal = 'INTERNAL_ERROR',
}
