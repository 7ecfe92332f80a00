import { readFileSync } from 'node:fs';
import { createDetector, parseOfficialsList } from '/work/main/packages/detect/src/index.js';
const d = createDetector({ officials: parseOfficialsList(readFileSync('/work/shared/dev-corpus/officials.txt', 'utf8')), lexicons: (process.argv[3] ?? 'system') as 'system' });
for (const x of d.detect(readFileSync(process.argv[2]!, 'utf8'))) console.log(x.confidence, x.category, JSON.stringify(x.text), x.detector, '|', x.explanation);
