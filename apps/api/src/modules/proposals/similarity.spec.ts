import { diceSimilarity, normalize, trigrams } from './similarity';

const sim = (a: string, b: string) => diceSimilarity(trigrams(a), trigrams(b));

describe('similarity', () => {
  it('normalizes case, umlauts, accents and punctuation', () => {
    expect(normalize('  Spielplätze, bitte!  Café ')).toBe('spielplaetze bitte cafe');
  });

  it('rates the same words in another order as identical', () => {
    expect(sim('Bänke am Nordmarkt', 'Nordmarkt: am, Bänke!')).toBe(1);
  });

  it('finds inflected forms and typos similar, unrelated texts not', () => {
    expect(sim('Neuer Spielplatz im Hafen', 'Spielplätze für den Hafen')).toBeGreaterThan(0.4);
    expect(sim('Mehr Bäume im Quartier', 'Mehr Baeume im Qaurtier')).toBeGreaterThan(0.6);
    expect(sim('Mehr Bäume im Quartier', 'Sprachkurs für Eltern')).toBeLessThan(0.15);
  });

  it('is 0 for empty input and symmetric', () => {
    expect(sim('', 'Spielplatz')).toBe(0);
    expect(sim('Sprachcafé Nordmarkt', 'Elterncafé am Nordmarkt')).toBeCloseTo(sim('Elterncafé am Nordmarkt', 'Sprachcafé Nordmarkt'));
  });
});
