/**
 * Text similarity for "similar proposals" hints: the Dice coefficient of character trigrams.
 * Robust to word order, inflection and typos ("Spielplatz" ~ "Spielplätze"), unlike substring search.
 */

/** Lower-case, umlauts folded, accents and punctuation removed, whitespace collapsed. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The set of trigrams of each word, padded so that word starts and ends count. */
export function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of normalize(text).split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** 2·|A∩B| / (|A|+|B|): 1 for the same words, 0 for nothing in common. */
export function diceSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const gram of small) if (large.has(gram)) common++;
  return (2 * common) / (a.size + b.size);
}
