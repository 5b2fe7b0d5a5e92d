import type { Language } from '../enums/languages';

/** Whether this installation offers machine translation of people's texts (a self-hosted server). */
export interface MachineTranslationInfo {
  enabled: boolean;
}

/** Asks for a proposal or a comment in another language (POST /api/proposals/:id/translations, /api/comments/:id/translations). */
export interface TranslateRequest {
  language: Language;
}

/**
 * A proposal's title and text translated by machine into `language`. Never stored in place of the
 * original: the proposal keeps its own words, readers choose which they see.
 */
export interface ProposalTranslation {
  proposalId: string;
  language: Language;
  sourceLanguage: Language;
  title: string;
  body: string;
}

/** A comment's text translated by machine into `language`; like a proposal's, never stored in its place. */
export interface CommentTranslation {
  commentId: string;
  language: Language;
  sourceLanguage: Language;
  body: string;
}
