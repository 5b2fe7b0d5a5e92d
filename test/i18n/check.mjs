#!/usr/bin/env node
// npm run i18n:check — every language's texts against the German source (CI runs it with the static checks).
//
// Fails on: a missing or extra key; a plural text whose forms are not the language's CLDR categories
// (Intl.PluralRules: Arabic zero/one/two/few/many/other, Polish, Russian and Ukrainian one/few/many/other,
// Romanian one/few/other; `_zero` is allowed in every language); an interpolation variable, nested
// `$t(…)` or markup tag that differs from the German; a text copied untranslated from German (Leichte
// Sprache is German and exempt; words a language shares with German are listed in its glossary's
// `sameAsGerman`); invalid JSON.
// Reports (does not fail): texts whose German source changed since the language was last translated
// (test/i18n/sources/<lang>.json keeps a hash of each German text it was translated from).
//   --lang tr         check one language only
//   --accept tr       record the current German sources as translated for tr (after updating its texts)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// I18N_CHECK_ROOT: another tree with the same layout (the checker's own test).
const root = process.env.I18N_CHECK_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '../..');
const LANGUAGES = ['de', 'de-x-ls', 'en', 'tr', 'ar', 'bg', 'ro', 'pl', 'uk', 'ru'];
const SOURCE = 'de';
const EASY_GERMAN = 'de-x-ls';
const INTL = { 'de-x-ls': 'de', en: 'en-GB' };

/** Every text set: its name and where a language's file of it lives. */
const SETS = [
  ...['', 'assemblies.', 'live.', 'projects.', 'report.', 'sign-language.', 'legal.', 'console.', 'budget.', 'funds.'].map((prefix) => ({
    name: `web/${prefix || 'main.'}`.replace(/\.$/, ''),
    file: (lang) => `apps/web/src/locales/${prefix}${lang}.json`,
  })),
  { name: 'mail', file: (lang) => `apps/api/src/modules/mail/locales/${lang}.json` },
  { name: 'minutes', file: (lang) => `apps/api/src/modules/minutes/locales/${lang}.json` },
  { name: 'glossary', file: (lang) => `libs/shared/src/glossary/${lang}.json`, skip: ['sameAsGerman'] },
];

/** Variables a translation may use although the German does not (the caller passes them). */
const OPTIONAL_VARIABLES = { 'web/main:validation.invalid': ['{{detail}}'] };

/** Proper names and codes that stay German or Latin in every language. */
const PROPER_NAMES = [
  'Aktionsplan Soziale Stadt',
  'Soziale Stadt',
  'Aktionsraumfonds',
  'Bürgergeld',
  'SGB II',
  'SGB-II',
  'BITV',
  'WCAG',
  'PDF',
  'CSV',
  'XLSX',
  'QR',
  'iCal',
  'ICS',
  'URL',
  'E-Mail',
];

function flatten(value, prefix, out, skip = []) {
  if (Array.isArray(value)) value.forEach((item, index) => flatten(item, `${prefix}${index}.`, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!(prefix === '' && skip.includes(key))) flatten(item, `${prefix}${key}.`, out);
  } else out.set(prefix.slice(0, -1), value);
  return out;
}

function read(path) {
  const full = join(root, path);
  if (!existsSync(full)) return { missing: true };
  try {
    return { json: JSON.parse(readFileSync(full, 'utf8')) };
  } catch (error) {
    return { error: error.message };
  }
}

const pluralSplit = (key) => {
  const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return match ? { base: match[1], form: match[2] } : { base: key, form: null };
};

/** {{var}} (format suffixes ignored), $t(nested), <0>…</0> and <strong> tags: what a translation must keep. */
function tokens(text) {
  if (typeof text !== 'string') return [];
  const found = [];
  for (const m of text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) found.push(`{{${m[1]}}}`);
  for (const m of text.matchAll(/\$t\(([^)]+)\)/g)) found.push(`$t(${m[1]})`);
  for (const m of text.matchAll(/<\/?([\w]+)\s*\/?>/g)) found.push(`<${m[1]}>`);
  return found.sort();
}

const hash = (text) => createHash('sha256').update(String(text)).digest('hex').slice(0, 12);

function untranslated(text, sameAsGerman) {
  let rest = String(text).replace(/\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>/g, ' ');
  for (const word of [...PROPER_NAMES, ...sameAsGerman].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(' ');
  return /\p{L}{3,}/u.test(rest);
}

function checkLanguage(lang, problems, outdated, acceptSources) {
  const rules = new Intl.PluralRules(INTL[lang] ?? lang);
  const categories = rules.resolvedOptions().pluralCategories;
  // A form that stands for exactly one number (English "one" = 1, Arabic "two" = 2) may name the number in words
  // and leave out its variables; a form for many numbers (Russian "one" = 1, 21, 31 …, any "few") must keep them.
  const numbersOf = (category) => Array.from({ length: 201 }, (_, n) => n).filter((n) => rules.select(n) === category).length;
  const singleNumber = new Set(categories.filter((category) => numbersOf(category) === 1).concat('zero'));
  const glossary = read(`libs/shared/src/glossary/${lang}.json`).json ?? {};
  const sameAsGerman = glossary.sameAsGerman ?? [];
  const recordedPath = join(root, `test/i18n/sources/${lang}.json`);
  const recorded = existsSync(recordedPath) ? JSON.parse(readFileSync(recordedPath, 'utf8')) : {};
  const sources = {};
  for (const set of SETS) {
    const where = `${lang} ${set.file(lang)}`;
    const german = read(set.file(SOURCE));
    const own = read(set.file(lang));
    if (own.missing) {
      problems.push(`${where}: the file is missing`);
      continue;
    }
    if (own.error) {
      problems.push(`${where}: not valid JSON (${own.error})`);
      continue;
    }
    const source = flatten(german.json, '', new Map(), set.skip);
    const texts = flatten(own.json, '', new Map(), set.skip);
    // Plural groups: a German text with _one/_other forms needs exactly this language's forms.
    const germanPlurals = new Map();
    const germanForms = new Map(); // every German form of a plural text, for the source hash
    for (const [key, text] of source) {
      const { base, form } = pluralSplit(key);
      if (!form) continue;
      germanPlurals.set(base, source.get(`${base}_other`) ?? text);
      germanForms.set(base, [...(germanForms.get(base) ?? []), `${form}:${text}`].sort());
    }
    const expected = new Map();
    for (const [key, text] of source) {
      const { base, form } = pluralSplit(key);
      if (form && germanPlurals.has(base)) {
        for (const category of categories) expected.set(`${base}_${category}`, germanPlurals.get(base));
      } else expected.set(key, text);
    }
    for (const [key, germanText] of expected) {
      const { base, form } = pluralSplit(key);
      const text = texts.get(key);
      if (text === undefined) {
        problems.push(`${where}: missing "${key}"`);
        continue;
      }
      if (typeof text !== typeof germanText) {
        problems.push(`${where}: "${key}" is a ${typeof text}, German has a ${typeof germanText}`);
        continue;
      }
      const sourceKey = `${set.name}:${form ? base : key}`;
      const sourceHash = hash(form ? germanForms.get(base).join('\n') : germanText);
      sources[sourceKey] = sourceHash;
      const want = tokens(germanText);
      const have = tokens(text);
      const missingTokens = form && singleNumber.has(form) ? [] : want.filter((t) => !have.includes(t));
      const optional = OPTIONAL_VARIABLES[`${set.name}:${key}`] ?? [];
      const extraTokens = have.filter((t) => !want.includes(t) && !optional.includes(t));
      if (missingTokens.length || extraTokens.length)
        problems.push(
          `${where}: "${key}" ${missingTokens.length ? `lacks ${missingTokens.join(' ')}` : ''}${missingTokens.length && extraTokens.length ? ' and ' : ''}${extraTokens.length ? `has unknown ${extraTokens.join(' ')}` : ''}`,
        );
      if (lang !== EASY_GERMAN && typeof text === 'string' && text === germanText && untranslated(text, sameAsGerman))
        problems.push(`${where}: "${key}" is the German text, untranslated ("${text.slice(0, 60)}")`);
      if (recorded[sourceKey] && recorded[sourceKey] !== sourceHash) outdated.add(`${lang} ${sourceKey}`);
    }
    for (const key of texts.keys()) {
      if (expected.has(key)) continue;
      const { base, form } = pluralSplit(key);
      if (form === 'zero' && germanPlurals.has(base)) continue;
      problems.push(
        form && germanPlurals.has(base)
          ? `${where}: "${key}" is not a plural form of ${lang} (its forms: ${categories.join(', ')})`
          : `${where}: extra "${key}" (German has no such text)`,
      );
    }
  }
  if (acceptSources) {
    mkdirSync(dirname(recordedPath), { recursive: true });
    writeFileSync(recordedPath, `${JSON.stringify(sources, Object.keys(sources).sort(), 2)}\n`);
  }
}

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const accept = option('--accept');
const only = accept ?? option('--lang');
if (only && !LANGUAGES.includes(only)) {
  console.error(`i18n:check: unknown language "${only}" (languages: ${LANGUAGES.join(', ')})`);
  process.exit(2);
}
const problems = [];
const outdated = new Set();
for (const lang of LANGUAGES) if (lang !== SOURCE && (!only || lang === only)) checkLanguage(lang, problems, outdated, lang === accept);
for (const line of outdated) console.warn(`outdated (the German text changed since it was translated): ${line}`);
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\ni18n:check: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`i18n:check: ${only ?? LANGUAGES.filter((l) => l !== SOURCE).join(', ')} complete (${outdated.size} outdated)`);
