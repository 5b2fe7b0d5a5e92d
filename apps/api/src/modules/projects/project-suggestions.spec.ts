import { IdeaMatcher, SUGGESTION_MIN_SCORE, SUGGESTIONS_MAX } from './project-suggestions';

const IDEAS = [
  {
    projectId: 'homework',
    title: 'Hausaufgabenhilfe im Stadtteilzentrum',
    text: 'Hausaufgabenhilfe im Stadtteilzentrum\nKinder bekommen nach der Schule Hilfe bei den Hausaufgaben, kostenlos und in der Nähe.\nKostenlose Hausaufgabenhilfe für Grundschulkinder',
  },
  {
    projectId: 'garden',
    title: 'Bürgergarten Westerfilde',
    text: 'Bürgergarten Westerfilde\nEin gemeinsamer Garten für die Nachbarschaft, mit Hochbeeten, Kompost und einem Treffpunkt für alle Generationen.',
  },
  {
    projectId: 'jobcentre',
    title: 'Jobcenter-Sprechstunde im Stadtteilzentrum Nordmarkt',
    text: 'Jobcenter-Sprechstunde im Stadtteilzentrum Nordmarkt\nBeratung zu Arbeit, Bewerbung und Leistungen direkt im Quartier, einmal pro Woche.',
  },
];

describe('IdeaMatcher (grouping board suggestions)', () => {
  const matcher = new IdeaMatcher(IDEAS);
  const first = (text: string) => matcher.suggest(text)[0]?.projectId ?? null;

  it('suggests the idea a proposal is about first', () => {
    expect(first('Hilfe bei den Hausaufgaben\nMeine Kinder brauchen nach der Schule Unterstützung bei den Hausaufgaben.')).toBe('homework');
    expect(first('Gemeinschaftsgarten mit Hochbeeten\nWir wünschen uns einen Garten, in dem Nachbarn gemeinsam gärtnern.')).toBe('garden');
    expect(first('Beratung zur Bewerbung im Quartier\nEine Sprechstunde zu Bewerbung und Arbeit im Stadtteil wäre hilfreich.')).toBe(
      'jobcentre',
    );
  });

  it('suggests nothing for unrelated proposals', () => {
    expect(matcher.suggest('Mehr Bänke am Hafen\nAm Hafen fehlen Sitzgelegenheiten für ältere Menschen.')).toEqual([]);
    expect(matcher.suggest('Straßenbeleuchtung reparieren\nDie Laternen in der Mallinckrodtstraße sind seit Wochen kaputt.')).toEqual([]);
    expect(new IdeaMatcher([]).suggest('Hausaufgaben')).toEqual([]);
  });

  it('answers at most three, best first, all above the threshold, scores rounded to 0–1', () => {
    const many = new IdeaMatcher(
      Array.from({ length: 6 }, (_, i) => ({
        projectId: `p${i}`,
        title: `Idee ${i}`,
        text: `Hausaufgabenhilfe für Kinder ${'x'.repeat(i)}`,
      })),
    );
    const got = many.suggest('Hausaufgabenhilfe für Kinder');
    expect(got).toHaveLength(SUGGESTIONS_MAX);
    expect(got[0].projectId).toBe('p0');
    for (let i = 1; i < got.length; i++) expect(got[i - 1].score).toBeGreaterThanOrEqual(got[i].score);
    expect(got.every((s) => s.score >= SUGGESTION_MIN_SCORE && s.score <= 1)).toBe(true);
  });

  // Its speed (300 candidates against 300 ideas) is measured by bench/idea-matcher.js, not timed here.
  it('answers a few hundred candidates against a few hundred ideas with ranked suggestions, each idea found first for its own text (ideas every 130 share a text)', () => {
    const words = ['Garten', 'Kinder', 'Sprache', 'Arbeit', 'Nachbarschaft', 'Schule', 'Bewerbung', 'Spielplatz', 'Quartier', 'Eltern'];
    const text = (i: number) => Array.from({ length: 30 }, (_, k) => `${words[(i * 7 + k) % words.length]}${(i + k) % 13}`).join(' ');
    const big = new IdeaMatcher(Array.from({ length: 300 }, (_, i) => ({ projectId: `i${i}`, title: `Idee ${i}`, text: text(i) })));
    for (let c = 0; c < 300; c++) {
      const got = big.suggest(text(c));
      expect(got.length).toBeGreaterThan(0);
      expect(got.length).toBeLessThanOrEqual(SUGGESTIONS_MAX);
      expect(got.find((g) => g.projectId === `i${c}`)?.score).toBe(got[0].score);
      for (let i = 1; i < got.length; i++) expect(got[i - 1].score).toBeGreaterThanOrEqual(got[i].score);
    }
  });
});
