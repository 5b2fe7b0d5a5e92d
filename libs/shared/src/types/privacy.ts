/**
 * The deletion periods this installation uses (GET /api/privacy/retention). The privacy page
 * states them, so what it promises is what the scheduled clean-up does.
 */
export interface RetentionPeriodsResponse {
  /** Names and device credentials of guests in an assembly: days after the assembly closed. */
  guestDays: number;
  /** Registrations never confirmed by their e-mail link: days after registering. */
  unverifiedAccountDays: number;
  /** Used or expired one-time links (confirmation, e-mail change, password reset): days after use or expiry. */
  tokenDays: number;
  /** Unsubscribe links in notification mails: days after the mail. */
  unsubscribeTokenDays: number;
  /** Copies of sent mails: days after sending. */
  sentMailDays: number;
  /** A session ends this many hours after its last renewal and is deleted then. */
  sessionHours: number;
  /** Contact data of a fund application (and a private applicant's name): years after the application ended. */
  fundContactYears: number;
}
