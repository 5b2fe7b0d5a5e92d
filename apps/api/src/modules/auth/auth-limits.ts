import type { AttemptLimit } from '../../common/http/attempt-limiter';

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * Failed sign-ins per account (the e-mail address typed, known or not, so the answer tells nobody
 * whether an account exists): after 10 within 15 minutes the account is locked until the window
 * ends, even for the right password; a successful sign-in or a password reset clears the count.
 */
export const LOGIN_FAILURES_PER_ACCOUNT: AttemptLimit = { scope: 'login:account', limit: 10, windowMs: FIFTEEN_MINUTES };

/**
 * Failed sign-ins per client address, all accounts together: 100 within 15 minutes (a hall of 200
 * signing in with their typos stays far below). Beyond it wrong passwords from the address are
 * answered 429; a right password still signs in, so nobody in a hall is locked out by someone
 * else's failures.
 */
export const LOGIN_FAILURES_PER_ADDRESS: AttemptLimit = { scope: 'login:address', limit: 100, windowMs: FIFTEEN_MINUTES };

/**
 * Mails the public credential routes send to one address (registration, a new verification link, a
 * password reset): 10 an hour. Beyond that the request is answered as always (nobody learns whether
 * the address has an account) and no mail is sent, so nobody can flood a mailbox from many addresses.
 */
export const MAILS_PER_RECIPIENT: AttemptLimit = { scope: 'mail:recipient', limit: 10, windowMs: 60 * 60_000 };
