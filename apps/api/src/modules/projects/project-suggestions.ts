import type { GroupingSuggestion } from '@app/shared';
import { diceSimilarity, trigrams } from '../proposals/similarity';

/**
 * The least similarity (Dice coefficient of word trigrams, 0–1) for an idea to be suggested.
 *
 * Measured on realistic texts (a proposal's title and text against an idea's title, description
 * and linked proposal titles; the cases are in project-suggestions.spec.ts): a proposal on the
 * idea's topic in its own words scores 0.5–0.65, unrelated proposals 0.14–0.22 (short German
 * function words and city vocabulary such as "im", "der", "Quartier" are shared by everything).
 * 0.3 sits in that gap with margin on both sides and is the same bar the "similar proposals"
 * hint uses. A weaker suggestion costs a moderator a glance; too many would hide the good one.
 */
export const SUGGESTION_MIN_SCORE = 0.3;
export const SUGGESTIONS_MAX = 3;

export interface IdeaText {
  projectId: string;
  title: string;
  /** Everything the idea is about: title, description, linked proposals' titles. */
  text: string;
}

/**
 * Suggests ideas for proposals. The ideas' trigram sets are made once (in the constructor), so a
 * board of a few hundred candidates and ideas costs candidates × ideas set intersections, each
 * over the smaller set: milliseconds.
 */
export class IdeaMatcher {
  private readonly ideas: Array<{ projectId: string; title: string; grams: Set<string> }>;

  constructor(ideas: IdeaText[]) {
    this.ideas = ideas.map((i) => ({ projectId: i.projectId, title: i.title, grams: trigrams(i.text) }));
  }

  suggest(candidateText: string, min = SUGGESTION_MIN_SCORE): GroupingSuggestion[] {
    if (!this.ideas.length) return [];
    const grams = trigrams(candidateText);
    return this.ideas
      .map((i) => ({ projectId: i.projectId, title: i.title, score: Math.round(diceSimilarity(grams, i.grams) * 1000) / 1000 }))
      .filter((s) => s.score >= min)
      .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'de'))
      .slice(0, SUGGESTIONS_MAX);
  }
}
