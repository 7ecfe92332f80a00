import { getLexicon, fold } from '../src/lexicon/index.js';
const L = getLexicon('system');
for (const w of process.argv.slice(2)) { const k = fold(w); console.log(w, {first: L.isFirstName(k), sur: L.isSurname(k), common: L.isCommonWord(k), place: L.isPlace(k), stop: L.isStopword(k)}); }
