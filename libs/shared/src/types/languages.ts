import type { Language } from '../enums/languages';

/** A language of the platform as the public sees it: whether the city has checked its texts. */
export interface LanguageStatus {
  language: Language;
  /** The language named in itself ("Türkçe"). */
  endonym: string;
  direction: 'ltr' | 'rtl';
  /** German is the source of every text and counts as reviewed. */
  source: boolean;
  /** An administrator has marked the translation as checked by the city. */
  reviewed: boolean;
  reviewedAt: string | null;
}
