import { createDetector } from '../src/index.js';
const d = createDetector({ lexicons: 'builtin', compromiseVote: false });
for (const s of ['Van:\tAgnieszka Brouwer , Bureau Inclusie en Diversiteit , +31 6 75331188 , a.brouwer@amsterdam.nl\nGebeurtenis: x', 'Naam\n\nAyoub El Ouardi\nMałgorzata Jankowska\nR. in \'t Veld\nIndah de Wit\nG. Zijlstra\nY.R. Azzouzi\n'])
  console.log(d.detect(s).map((x) => `${x.text} ${x.confidence} ${x.detector}`));
