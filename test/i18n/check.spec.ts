import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Runs test/i18n/check.mjs on a small tree of German and Turkish texts written for the case. */
function check(files: Record<string, unknown>, ...args: string[]): { code: number; output: string; sources?: unknown } {
  const root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
    }
    const run = spawnSync(process.execPath, [join(__dirname, 'check.mjs'), '--lang', 'tr', ...args], {
      env: { ...process.env, I18N_CHECK_ROOT: root },
      encoding: 'utf8',
    });
    // What --accept recorded, if it did.
    const recorded = join(root, 'test/i18n/sources/tr.json');
    const sources: unknown = existsSync(recorded) ? JSON.parse(readFileSync(recorded, 'utf8')) : undefined;
    return { code: run.status ?? -1, output: run.stdout + run.stderr, sources };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A tree in which every set but the main web file is empty and complete. */
function tree(de: unknown, tr: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const files: Record<string, unknown> = { 'apps/web/src/locales/de.json': de, 'apps/web/src/locales/tr.json': tr, ...extra };
  for (const set of ['assemblies.', 'live.', 'projects.', 'report.', 'sign-language.', 'legal.', 'console.', 'budget.', 'funds.'])
    for (const lang of ['de', 'tr']) files[`apps/web/src/locales/${set}${lang}.json`] ??= {};
  for (const path of ['apps/api/src/modules/mail/locales', 'apps/api/src/modules/minutes/locales', 'libs/shared/src/glossary'])
    for (const lang of ['de', 'tr']) files[`${path}/${lang}.json`] ??= {};
  return files;
}

describe('npm run i18n:check', () => {
  it('passes a complete translation with its own plural forms and the same variables', () => {
    const result = check(
      tree(
        { home: { title: 'Willkommen, {{name}}', count_one: 'ein Vorschlag', count_other: '{{count}} Vorschläge' } },
        { home: { title: 'Hoş geldiniz, {{name}}', count_one: 'bir öneri', count_other: '{{count}} öneri' } },
      ),
    );
    expect(result.code).toBe(0);
    expect(result.output).toContain('i18n:check: tr complete (0 outdated)');
  });

  it('names each missing, extra, copied or broken text and fails', () => {
    const result = check(
      tree(
        { a: 'Abstimmung läuft', b: 'Hallo {{name}}', c: 'Speichern', d: '$t(a) jetzt' },
        { b: 'Merhaba {{isim}}', c: 'Speichern', d: 'şimdi', x: 'fazla' },
      ),
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain('missing "a"');
    expect(result.output).toContain('"b" lacks {{name}} and has unknown {{isim}}');
    expect(result.output).toContain('"c" is the German text, untranslated');
    expect(result.output).toContain('"d" lacks $t(a)');
    expect(result.output).toContain('extra "x"');
    expect(result.output).toContain('i18n:check: 5 problem(s)');
  });

  it('wants the language CLDR plural forms: Turkish one and other, nothing else but zero', () => {
    const result = check(
      tree(
        { n_one: '{{count}} Stunde', n_other: '{{count}} Stunden' },
        { n_one: '{{count}} saat', n_few: '{{count}} saat', n_zero: 'hiç' },
      ),
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain('missing "n_other"');
    expect(result.output).toContain('"n_few" is not a plural form of tr (its forms: one, other)');
    expect(result.output).not.toContain('n_zero');
  });

  it('reports texts whose German changed since they were translated, without failing', () => {
    const files = tree({ a: 'Abstimmen' }, { a: 'Oy verin' });
    const accepted = check(files, '--accept', 'tr');
    expect(accepted.code).toBe(0);
    const changed = tree({ a: 'Jetzt abstimmen' }, { a: 'Oy verin' }, { 'test/i18n/sources/tr.json': { 'web/main:a': 'ffffffffffff' } });
    const result = check(changed);
    expect(result.code).toBe(0);
    expect(result.output).toContain('outdated (the German text changed since it was translated): tr web/main:a');
  });

  it('marks a plural text outdated when any of its German forms changed, not only the "other" form', () => {
    const german = (one: string) => ({ n_one: one, n_other: '{{count}} Stunden' });
    const turkish = { n_one: '{{count}} saat', n_other: '{{count}} saat' };
    const accepted = check(tree(german('{{count}} Stunde'), turkish), '--accept', 'tr');
    expect(accepted.sources).toEqual({ 'web/main:n': expect.any(String) });
    const changed = check(tree(german('eine Stunde'), turkish, { 'test/i18n/sources/tr.json': accepted.sources }));
    expect(changed.code).toBe(0);
    expect(changed.output).toContain('outdated (the German text changed since it was translated): tr web/main:n');
  });
});
