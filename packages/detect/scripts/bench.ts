/**
 * Throughput of detect() after the lexicons are loaded, on one core.
 *   npx tsx packages/detect/scripts/bench.ts [file.txt ...]
 * Without files it builds a ~1 MB document from the test casts and templates-like prose.
 */
import { readFileSync } from 'node:fs';
import { createDetector } from '../src/index.js';
import { ALL_PEOPLE } from '../src/test-support.js';

function syntheticDocument(): string {
  const parts: string[] = [];
  for (let i = 0; parts.join('').length < 1_000_000; i++) {
    const p = ALL_PEOPLE[i % ALL_PEOPLE.length]!;
    parts.push(
      `Van:\t${p.first} ${p.last}, Bureau Inclusie en Diversiteit, 06-1234567${i % 10}, ${p.first.toLowerCase()}.x@amsterdam.nl\n`,
      `Op ${1 + (i % 28)} mei 2024 16.00-17.30 sprak wethouder De Boer met mevr. ${p.last} over de bestuursopdracht 2024 - 2028. `,
      `De kosten van € 1.234,56 zijn voor het Verwey-Jonker Instituut; zie artikel 5.1, 2, e Woo. ${p.first} begeleidt de collega's naar de Jacob Bontiusplaats 11.\n`,
      'We willen collega’s stimuleren om naar kantoor te komen, maar kunnen vervolgens geen inclusieve werkomgeving aanbieden. Hoe verhoudt zich dit tot elkaar?\n',
    );
  }
  return parts.join('');
}

const files = process.argv.slice(2);
const text = files.length ? files.map((f) => readFileSync(f, 'utf8')).join('\f') : syntheticDocument();
for (const mode of ['builtin', 'system'] as const) {
  for (const vote of [false, true]) {
    const t0 = performance.now();
    const detector = createDetector({ lexicons: mode, compromiseVote: vote });
    const loadMs = performance.now() - t0;
    detector.detect(text.slice(0, 20_000)); // warm up the JIT and compromise
    const runs = 3;
    const t1 = performance.now();
    let n = 0;
    for (let r = 0; r < runs; r++) n = detector.detect(text).length;
    const secs = (performance.now() - t1) / 1000 / runs;
    console.log(
      `${detector.lexiconMode.padEnd(7)} vote=${String(vote).padEnd(5)} load ${loadMs.toFixed(0).padStart(5)} ms  ` +
        `${(text.length / secs / 1000).toFixed(0).padStart(5)}k chars/s  (${text.length} chars, ${n} detections, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB)`,
    );
  }
}
