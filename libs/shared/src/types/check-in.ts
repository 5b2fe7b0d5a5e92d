/**
 * Personal check-in cards: one card admits one person to binding votes. The code is shown once (on
 * the printed sheet or in the console); the server keeps only its SHA-256.
 */

/** Characters of a card code: digits and capitals without the look-alikes 0/O, 1/I/L. */
export const CHECK_IN_CARD_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 10 characters of 31: 31^10 ≈ 8.2 · 10^14 codes (about 2^49.5). */
export const CHECK_IN_CARD_CODE_LENGTH = 10;
/** Most cards printed on one sheet request. */
export const CHECK_IN_CARDS_PER_REQUEST = 300;

/** Upper case, without spaces and dashes (a card shows the code as XXXXX-XXXXX). */
export function normalizeCardCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export type CheckInCardStatus = 'unused' | 'held' | 'revoked';

export interface CheckInCard {
  id: string;
  /** Printed on the card ("Karte 12"): how the moderator finds a lost card. */
  number: number;
  status: CheckInCardStatus;
  /** The participant holding the card (display name), or the name of a person checked in at the door without a phone. */
  holder: string | null;
  participantId: string | null;
  claimedAt: string | null;
  revokedAt: string | null;
}

export interface CheckInCardList {
  items: CheckInCard[];
  counts: { issued: number; held: number; unused: number; revoked: number };
}

/** A new card with its code, shown this once. */
export interface IssuedCheckInCard {
  card: CheckInCard;
  code: string;
  /** What the QR code encodes: the join page with the card. */
  joinUrl: string;
}

export interface CreateCheckInCardsRequest {
  /** How many cards to print (1–300). */
  count: number;
}

/** Checking a person in at the door from the console: a participant, or the name of a person without a phone. */
export interface DoorCheckInRequest {
  participantId?: string;
  name?: string;
}
