import { tokenize } from '../src/names/tokenize.js';
import { createDetector } from '../src/index.js';
console.log(tokenize('JAN DE VRIES\nAfdeling').map((t) => [t.text, t.kind, t.key, t.caps, t.particle]));
console.log(createDetector({ lexicons: 'builtin', compromiseVote: false }).detect('JAN DE VRIES\nAfdeling Vergunningen'));
