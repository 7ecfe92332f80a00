/**
 * Rules added for list-order names, action tables, tussenvoegsel surnames that are also words,
 * sentence-start subjects, home addresses in running text, chat phone numbers and dossier (batch)
 * consistency. Positives come from templates over the test casts; each rule has near-miss negatives.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../index.js';
import { CASTS, LEXICON_MODES, covered, type Person } from '../test-support.js';

const PARTICLE_RE = /^((?:(?:van|de|der|den|het|'t|in|ter|ten|te|el|al)\s+)*)(.+)$/;
/** "van der Linden" → { particles: "van der", core: "Linden" } */
const split = (p: Person) => {
  const m = PARTICLE_RE.exec(p.last)!;
  return { particles: m[1]!.trim(), core: m[2]! };
};
const strongTexts = (text: string, dets: ReturnType<ReturnType<typeof createDetector>['detect']>) =>
  dets.filter((d) => d.confidence >= 0.5).map((d) => d.text);
const mustCover = (text: string, dets: Parameters<typeof covered>[1], part: string) => {
  const start = text.indexOf(part);
  expect(start, `"${part}" in template`).toBeGreaterThanOrEqual(0);
  expect(covered(text, dets, start, start + part.length), `"${part}" in ${JSON.stringify(text)}`).toBe(true);
};

describe.each(LEXICON_MODES)('new name rules (%s lexicons)', (mode) => {
  const detector = createDetector({ lexicons: mode, compromiseVote: false });
  const people = Object.values(CASTS).flat();

  it('finds "Surname, Given tussenvoegsels" filling a table cell or header item', () => {
    for (const p of people) {
      const { particles, core } = split(p);
      const inverted = `${core}, ${p.first}${particles ? ` ${particles}` : ''}`;
      for (const text of [`Nr\tNaam\tOrganisatie\n3\t${inverted}\tBewoner\n`, `Van:\t${inverted}\nOnderwerp:\tplanning\n`]) {
        const dets = detector.detect(text);
        mustCover(text, dets, inverted);
        expect(strongTexts(text, dets).filter((t) => /Bewoner|planning|Naam/.test(t))).toEqual([]);
      }
    }
  });

  it('leaves "Word, Word" cells that are not names visible', () => {
    for (const text of ['Nr\tOnderwerp\n1\tPlanning, Begroting\n', 'Status:\tAfgerond, Verzonden\n', '2\tRotterdam, Utrecht\tregio\n']) {
      expect(strongTexts(text, detector.detect(text)), text).toEqual([]);
    }
  });

  it('finds initials and names in the "Wie" column of an action table, not elsewhere', () => {
    for (const p of people) {
      const { particles, core } = split(p);
      const initials = `${p.first[0]}${particles ? particles.split(/\s+/).map((w) => w[0]).join('') : ''}${core[0]}`;
      const text = `Actiepunten\nNr.\tActie\tWie\tGereed\n1\tBegroting bijwerken\t${initials}\t15 oktober\n2\tMemo opstellen\t${p.first}\tdinsdag 3 september\n3\tBrief sturen\tGGD\t1 mei\nDe GGD en de OR zijn geïnformeerd. Zie ook NB.\n`;
      const dets = detector.detect(text);
      mustCover(text, dets, `\t${initials}\t`.trim());
      mustCover(text, dets, `\t${p.first}\t`.trim());
      // GGD in the Wie column may be flagged (it is a cell of that column), in running text it is never a name
      const later = text.indexOf('De GGD');
      expect(dets.filter((d) => d.confidence >= 0.5 && d.start >= later).map((d) => d.text)).toEqual([]);
    }
  });

  it('does not read initials-like words as names outside an action table', () => {
    const text = 'Nr.\tActie\tGereed\n1\tOverleg met KM en SZ\t15 oktober\nHet MT en de OR stemmen in.\n';
    expect(strongTexts(text, detector.detect(text))).toEqual([]);
  });

  it('finds tussenvoegsel surnames that are also Dutch words ("van der Meer", "de Groot")', () => {
    for (const p of people) {
      for (const sur of ['van der Meer', 'de Groot']) {
        for (const text of [`Ik heb ${p.first} ${sur} vanochtend gesproken.`, `8\t${p.first[0]}. ${sur}\tBewoner\n`]) {
          const dets = detector.detect(text);
          mustCover(text, dets, sur.split(' ').pop()!);
        }
      }
    }
    const neg = 'Er is veel meer nodig. Van de groot onderhoud begroting is niets over.';
    expect(strongTexts(neg, detector.detect(neg))).toEqual([]);
  });

  it('keeps a honorific + tussenvoegsel name that is also a place, and its later mentions', () => {
    for (const p of people) {
      const text = `Beste mw. Ter Horst,\n\nIk sprak ${p.first} ter Horst gisteren. Ter Horst gaf aan dat de planning krap is.`;
      const dets = detector.detect(text);
      for (const part of ['mw. Ter Horst', `${p.first} ter Horst`, 'Ter Horst gaf']) mustCover(text, dets, part.replace(/^mw\. /, '').replace(/ gaf$/, ''));
    }
  });

  it('finds a known name part as the subject at a sentence start, not the same word otherwise', () => {
    // a surname that is also an ordinary word ("bakker") in every lexicon mode
    const text = '[17-04-2025 12:52] Thijs Bakker: Akkoord.\n[17-04-2025 13:55] 06 47157583: Bakker belde net, de avond gaat door.\n';
    mustCover(text, detector.detect(text), 'Bakker belde'.split(' ')[0]!);
    const neg = 'Het Hoogland is mooi. Hoogland en laagland verschillen.';
    expect(strongTexts(neg, detector.detect(neg))).toEqual([]);
  });

  it('keeps buildings and funds named after people ("Thorbeckehuis") visible', () => {
    for (const p of people) {
      const { core } = split(p);
      const text = `Het onderzoek van het ${core}huis wordt meegenomen. Het ${core}fonds betaalt.`;
      const dets = detector.detect(text);
      expect(strongTexts(text, dets), text).toEqual([]);
    }
  });
});

describe.each(LEXICON_MODES)('home addresses and phones (%s lexicons)', (mode) => {
  const detector = createDetector({ lexicons: mode, compromiseVote: false });
  const streets = ['Zuidkade', 'Molenweg', 'Lindengracht', 'Beukenlaan', 'Havikstraat'];
  const numbers = ['121C', '215-H', '45 III', '157-1', '24', '12 hs'];

  it('finds a street + number after a residence word, and its repeats in the document', () => {
    for (const s of streets) {
      for (const n of numbers) {
        const text = `@Sanne kun jij de sleutel ophalen? Ik woon op ${s} ${n}, je mag hem in de brievenbus doen.\nBij het pand ${s} ${n} ligt bouwmateriaal.\n`;
        const dets = detector.detect(text).filter((d) => d.category === 'address' && d.confidence >= 0.5);
        expect(dets.map((d) => d.text), text).toEqual([`${s} ${n}`, `${s} ${n}`]);
      }
    }
  });

  it('keeps an office address without residence word visible', () => {
    for (const s of streets) {
      const text = `Ben er over 5 min, sta nog bij ${s} 40\nWe zitten in kamer 4.07 op ${s} 1, van 11:30-13:00 uur.\n`;
      expect(detector.detect(text).filter((d) => d.category === 'address' && d.confidence >= 0.5)).toEqual([]);
    }
  });

  it('reads a phone number after a chat timestamp', () => {
    for (const ts of ['[02-09-2025 11:04:40] ', '22-11-25 14:07 - ', '[1/3/24, 09:15:02] ']) {
      for (const num of ['06 4181 6072', '06 47157583', '+31 6 1234 5678']) {
        const text = `${ts}${num}: Mijn nieuwe nummer is ${num}, kunnen jullie dat opslaan?\n`;
        const phones = detector.detect(text).filter((d) => d.category === 'phone' && d.confidence >= 0.5);
        expect(phones.map((d) => d.text), text).toEqual([num, num]);
      }
    }
  });
});

describe.each(LEXICON_MODES)('dossier consistency (%s lexicons)', (mode) => {
  const detector = createDetector({ lexicons: mode, compromiseVote: false });

  it('finds a name from another document of the batch, detect() alone does not', () => {
    for (const p of Object.values(CASTS).flat()) {
      const { core } = split(p);
      if (!/^\p{Lu}/u.test(core)) continue;
      const a = `Van:\t${p.first} ${p.last}\nOnderwerp:\tplanning\n\nBeste collega,\nDe stukken volgen.\n`;
      const b = `Verslag\nDe planning is besproken. Daarna sprak ${core} over de kosten en de begroting.\n`;
      const single = detector.detect(b).filter((d) => d.confidence >= 0.5 && d.text.includes(core));
      const [, inB] = detector.detectBatch([a, b]);
      mustCover(b, inB!, core);
      const hit = inB!.find((d) => d.text.includes(core))!;
      if (!single.length) expect(hit.explanation).toContain('ander document');
    }
  });

  it('does not seed the dossier from weak mentions, places or organisations', () => {
    const a = 'Aan:\tContactformulier Rotterdam\nOnderwerp:\tvraag\n\nHet Dudokhuis en Wijkbureau Overvecht doen mee. Misschien Bakker.\n';
    const b = 'In Rotterdam en Overvecht is het druk. De Bakker aan de hoek is dicht.\n';
    const [, inB] = detector.detectBatch([a, b]);
    expect(inB!.filter((d) => d.confidence >= 0.5).map((d) => d.text)).toEqual([]);
  });

  it('learn + detect in two passes gives the same as detectBatch', () => {
    const p = CASTS.dutch![0]!;
    const texts = [`Met vriendelijke groet,\n\n${p.first} ${p.last}\nAdviseur\n`, `Volgens ${p.last} is het klaar.\n`];
    const d = detector.dossier();
    for (const t of texts) d.learn(t);
    expect(texts.map((t) => d.detect(t))).toEqual(detector.detectBatch(texts));
  });
});

describe.each(LEXICON_MODES)('a name beside its own e-mail address (%s lexicons)', (mode) => {
  const detector = createDetector({ lexicons: mode, compromiseVote: false });
  const sure = (text: string, name: string, dets: ReturnType<typeof detector.detect>) =>
    dets.some((d) => d.text.includes(name) && d.confidence >= 0.9);

  it('is sure of a display name whose parts are pieces of its address, also when the surname is a word, and teaches the dossier', () => {
    // surnames that are also Dutch words ("kuipers", "visser", "bakker"), given names no list knows
    for (const [first, last] of [['Wagino', 'Kuipers'], ['Ilse', 'Visser'], ['Thijmen', 'Bakker'], ['Shanti', 'Smid']] as const) {
      const mail = `Van: Jeugdteam Oost <jeugdteam.oost@gemeente.nl>\nCC: ${first} ${last} <${first.toLowerCase()}.${last.toLowerCase()}@planet.nl>\nOnderwerp: stukken\n\nHierbij de stukken.\n`;
      const attachment = `Machtiging\nHierbij machtig ik, ${first} ${last}, de gemeente om af te schrijven.\nHandtekening: ${first} ${last}\n`;
      const d = detector.dossier();
      d.learn(mail);
      d.learn(attachment);
      expect(sure(mail, `${first} ${last}`, d.detect(mail)), `${first} ${last} in the header`).toBe(true);
      const later = d.detect(attachment);
      for (const at of [attachment.indexOf(first), attachment.lastIndexOf(first)]) {
        expect(covered(attachment, later, at, at + first.length + 1 + last.length), `${first} ${last} in the attachment`).toBe(true);
      }
    }
  });

  it('is not sure of words that only happen to be an address: a team mailbox, a place', () => {
    const mail = 'Van: Team Jeugd <team.jeugd@gemeente.nl>\nAan: Wonen Zaandam <wonen.zaandam@gemeente.nl>\n\nDe stukken.\n';
    const dets = detector.detect(mail);
    expect(sure(mail, 'Team Jeugd', dets)).toBe(false);
    expect(sure(mail, 'Wonen Zaandam', dets)).toBe(false);
  });
});

describe('lexicon mode from the environment', () => {
  it('honours WOO_LEXICONS=builtin', () => {
    const old = process.env.WOO_LEXICONS;
    process.env.WOO_LEXICONS = 'builtin';
    try {
      expect(createDetector().lexiconMode).toBe('builtin');
    } finally {
      if (old === undefined) delete process.env.WOO_LEXICONS;
      else process.env.WOO_LEXICONS = old;
    }
  });
});
