#!/usr/bin/env node
/**
 * Benchmark: the project-idea suggestions (IdeaMatcher) — 300 proposals matched against 300 project
 * ideas, as the grouping board does for a whole Aktionsraum. Next to it, in the same process, a fixed
 * baseline workload (sorting 300 arrays of 3,000 numbers), so the ratio says more than the seconds on
 * a shared machine. Reports median and worst of the runs.
 *
 *   npm run build -w apps/api && node bench/idea-matcher.js [--runs 7]
 */
const path = require('node:path');
const { parseArgs } = require('node:util');

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const { IdeaMatcher } = require(path.resolve(__dirname, '../apps/api/dist/apps/api/src/modules/projects/project-suggestions.js'));

const words = ['Garten', 'Kinder', 'Sprache', 'Arbeit', 'Nachbarschaft', 'Schule', 'Bewerbung', 'Spielplatz', 'Quartier', 'Eltern'];
const text = (i) => Array.from({ length: 30 }, (_, k) => `${words[(i * 7 + k) % words.length]}${(i + k) % 13}`).join(' ');

function matcherRun() {
  const started = process.hrtime.bigint();
  const matcher = new IdeaMatcher(Array.from({ length: 300 }, (_, i) => ({ projectId: `i${i}`, title: `Idee ${i}`, text: text(i) })));
  for (let c = 0; c < 300; c++) matcher.suggest(text(c + 1000));
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function baselineRun() {
  const started = process.hrtime.bigint();
  let seed = 1;
  for (let a = 0; a < 300; a++) {
    const xs = Array.from({ length: 3000 }, () => (seed = (seed * 48271) % 2147483647));
    xs.sort((x, y) => x - y);
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = Number(args.runs);
matcherRun();
baselineRun();
const matcher = [];
const baseline = [];
for (let r = 0; r < runs; r++) {
  matcher.push(matcherRun());
  baseline.push(baselineRun());
}
const ratios = matcher.map((m, i) => m / baseline[i]);
console.log(
  `Node.js ${process.version}, ${runs} runs, load ${require('node:os')
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`IdeaMatcher 300×300: median ${median(matcher).toFixed(0)} ms, worst ${Math.max(...matcher).toFixed(0)} ms`);
console.log(`baseline (sort 300×3,000): median ${median(baseline).toFixed(0)} ms, worst ${Math.max(...baseline).toFixed(0)} ms`);
console.log(`ratio matcher/baseline: median ${median(ratios).toFixed(2)}, worst ${Math.max(...ratios).toFixed(2)}`);
