#!/usr/bin/env node
/**
 * The first load of the citizen pages and the live view, checked on the built output (issue 15): what
 * a phone downloads before the page can render, compressed as the server sends it (brotli; files under
 * 1 KB are sent as they are), from the chunk graph in dist/.vite/manifest.json:
 *   - JavaScript: the entry and the page's chunk, each with everything they import statically;
 *   - CSS: the style sheets of those chunks;
 *   - fonts: the font files those style sheets name for the characters of a German page.
 * Exits 1 when a budget is exceeded. `--json` prints the figures as JSON.
 *
 * Two figures per JavaScript row: the goal of issue 15 and the ceiling CI enforces. Where the goal is
 * not reached yet (React DOM alone is about 55 KB compressed), the ceiling is what
 * the page weighs today plus a little room, so it can only get lighter; lower it when a page gets lighter.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const KB = 1024;

/**
 * Page → its route module; JavaScript goal (issue 15: home and join 100 KB, the live view 130 KB; none
 * for the proposal pages) and the enforced ceiling in KB (measured 2026-12-07 plus about 3 %).
 */
export const PAGES = [
  { page: 'home', route: 'src/app/routes/HomeRoute.tsx', jsGoal: 100, jsCeiling: 147 },
  { page: 'join', route: 'src/app/routes/JoinRoute.tsx', jsGoal: 100, jsCeiling: 146 },
  { page: 'proposals', route: 'src/app/routes/ProposalsRoute.tsx', jsGoal: null, jsCeiling: 150 },
  { page: 'proposal', route: 'src/app/routes/ProposalDetailRoute.tsx', jsGoal: null, jsCeiling: 156 },
  { page: 'live', route: 'src/app/routes/LiveRoute.tsx', jsGoal: 130, jsCeiling: 160 },
];
export const CSS_BUDGET = 30;
export const FONT_BUDGET = 60;
/** Characters of German text: Latin letters, umlauts, ß, typographic quotes and dashes, the euro sign. */
const GERMAN = 'AZaz09ÄÖÜäöüß„“‚‘–—…€§';

function compressedSize(file) {
  const path = join(DIST, file);
  return existsSync(`${path}.br`) ? statSync(`${path}.br`).size : statSync(path).size;
}

/** The chunk and everything it imports statically (manifest keys). */
function closure(manifest, key, into = new Set()) {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const imported of manifest[key].imports ?? []) closure(manifest, imported, into);
  return into;
}

/** Parses a CSS unicode-range ("U+??,U+131,U+2000-206F") into [from, to] pairs. */
export function parseUnicodeRange(range) {
  return range.split(',').map((part) => {
    const value = part.trim().replace(/^U\+/i, '');
    if (value.includes('?')) return [parseInt(value.replace(/\?/g, '0'), 16), parseInt(value.replace(/\?/g, 'F'), 16)];
    const [from, to = from] = value.split('-');
    return [parseInt(from, 16), parseInt(to, 16)];
  });
}

/** The font files a style sheet names for faces that cover any of the characters. */
export function fontFilesFor(css, characters) {
  const codes = [...characters].map((c) => c.codePointAt(0));
  const files = [];
  for (const [, face] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const url = /url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/.exec(face)?.[1];
    const range = /unicode-range:\s*([^;]+)/.exec(face)?.[1];
    const covers = !range || parseUnicodeRange(range).some(([from, to]) => codes.some((code) => code >= from && code <= to));
    if (url && covers) files.push(url.replace(/^\//, ''));
  }
  return files;
}

export function measure() {
  const manifestPath = join(DIST, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run "npm run build" first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  return PAGES.map(({ page, route, jsGoal, jsCeiling }) => {
    if (!manifest[route]) throw new Error(`${route} is not a chunk of the build: update PAGES in this script.`);
    const chunks = closure(manifest, route, closure(manifest, entry));
    const js = [...chunks].map((key) => manifest[key].file);
    const css = [...new Set([...chunks].flatMap((key) => manifest[key].css ?? []))];
    const fonts = [...new Set(css.flatMap((file) => fontFilesFor(readFileSync(join(DIST, file), 'utf8'), GERMAN)))];
    const sum = (files) => files.reduce((total, file) => total + compressedSize(file), 0) / KB;
    return {
      page,
      jsKB: sum(js),
      jsGoal,
      jsCeiling,
      cssKB: sum(css),
      fontKB: sum(fonts),
      files: { js: js.length, css: css.length, fonts },
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = measure();
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
  const problems = [];
  const f = (n) => n.toFixed(1).padStart(6);
  console.log('First load, compressed (KB)   JS (goal / ceiling)        CSS (≤ 30)   fonts (≤ 60)');
  for (const row of rows) {
    console.log(
      `${row.page.padEnd(28)}${f(row.jsKB)} (${row.jsGoal ?? '–'} / ${row.jsCeiling})${row.jsGoal !== null && row.jsKB > row.jsGoal ? ' goal missed' : '            '}${f(row.cssKB)}       ${f(row.fontKB)}`,
    );
    if (row.jsKB > row.jsCeiling)
      problems.push(`${row.page}: JavaScript ${row.jsKB.toFixed(1)} KB is over its ceiling of ${row.jsCeiling} KB`);
    if (row.cssKB > CSS_BUDGET) problems.push(`${row.page}: CSS ${row.cssKB.toFixed(1)} KB is over the budget of ${CSS_BUDGET} KB`);
    if (row.fontKB > FONT_BUDGET) problems.push(`${row.page}: fonts ${row.fontKB.toFixed(1)} KB are over the budget of ${FONT_BUDGET} KB`);
  }
  if (problems.length) {
    console.error(`\nSize budgets exceeded:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Size budgets: all within their limits.');
}
