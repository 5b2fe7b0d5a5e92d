import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret for cookies and mailed links. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the database keeps instead of the secret: a leaked table grants nothing. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
