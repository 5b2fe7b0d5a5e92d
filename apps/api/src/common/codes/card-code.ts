import { randomInt } from 'node:crypto';
import { CHECK_IN_CARD_ALPHABET, CHECK_IN_CARD_CODE_LENGTH, normalizeCardCode } from '@app/shared';
import { hashToken } from '../../modules/auth/tokens';

/** A new personal code (check-in card, voting code) from the CSPRNG: 10 of 31 characters, about 49.5 bits. */
export function newCardCode(): string {
  return Array.from({ length: CHECK_IN_CARD_CODE_LENGTH }, () => CHECK_IN_CARD_ALPHABET[randomInt(CHECK_IN_CARD_ALPHABET.length)]).join('');
}

/** As printed: two groups of five (XXXXX-XXXXX), easier to read out and type. */
export const printedCardCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** What the database keeps of a card code (like a guest's device credential, only the SHA-256). */
export const cardCodeHash = (code: string) => hashToken(normalizeCardCode(code));
