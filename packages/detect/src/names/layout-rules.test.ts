/**
 * Rules for text as it comes out of PDFs: table columns that run together ("18 Koç-Chaouch, Esther
 * Stichting X"), action tables across a page break, thanks inside a sentence, organisation and
 * street names wrapped over a line or carrying a title, home addresses whose number wrapped.
 * Positives come from templates over the test casts; each rule has near-miss negatives.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../index.js';
import { CASTS, LEXICON_MODES, covered, type Person } from '../test-support.js';

const PARTICLE_RE = /^((?:(?:van|de|der|den|het|'t|in|ter|ten|te|el|al)\s+)*)(.+)$/;
const core = (p: Person) => PARTICLE_RE.exec(p.last)![2]!;
/** The last word of the surname: the stem of a street named after the person ("El Khattabi" → "Khattabi"). */
const stem = (p: Person) => core(p).split(' ').pop()!;
const casts = Object.values(CASTS);
/** One person of each cast with a person of the next cast: double surnames across origins. */
const pairs: Array<[Person, Person]> = casts.flatMap((c, i) => c.map((p, k) => [p, casts[(i + 1) % casts.length]![k]!] as [Person, Person]));

type Dets = ReturnType<ReturnType<typeof createDetector>['detect']>;
const mustCover = (text: string, dets: Dets, part: string) => {
  const start = text.indexOf(part);
  expect(start, `"${part}" in template`).toBeGreaterThanOrEqual(0);
  expect(covered(text, dets, start, start + part.length), `"${part}" in ${JSON.stringify(text)}`).toBe(true);
};
const mustKeep = (text: string, dets: Dets, part: string) => {
  const start = text.indexOf(part);
  expect(start, `"${part}" in template`).toBeGreaterThanOrEqual(0);
  const hit = dets.find((d) => d.confidence >= 0.5 && d.start < start + part.length && start < d.end);
  expect(hit, `"${part}" must stay visible in ${JSON.stringify(text)}`).toBeUndefined();
};

describe.each(LEXICON_MODES)('PDF layout rules (%s lexicons)', (mode) => {
  const detector = createDetector({ lexicons: mode, compromiseVote: false });

  it('finds "Double-Surname, Given" after a row number and when the next column runs into the cell', () => {
    pairs.forEach(([p, q], n) => {
      const double = `${core(p)}-${core(q)}`;
      for (const row of [
        `${n + 1} ${double}, ${p.first}\tBewoner\tx${n}@example.org\n`,
        `${n + 1}\t${double}, ${p.first} Stichting Noorderlicht\tx${n}@example.org\n`,
        `${n + 1} ${core(q)}, ${p.first} Zonnebloem Fonds\tx${n}@example.org\n`,
        `${n + 1} ${double}, ${p.first} Rotterdam – beleidsadviseur\tx${n}@example.org\n`,
      ]) {
        const text = `Deelnemers\nNr.\tNaam\tOrganisatie\tE-mail\n${row}`;
        const dets = detector.detect(text);
        const name = row.slice(row.search(/\p{Lu}/u), row.indexOf(p.first) + p.first.length);
        mustCover(text, dets, name);
      }
    });
  });

  it('finds a full name whose cell runs into "Stichting X" or a role noun of the next column', () => {
    for (const p of casts.flat()) {
      for (const tail of ['Stichting Noorderlicht', 'Bewoner', 'Beleidsadviseur']) {
        const text = `Deelnemers\n7 ${p.first} ${p.last} ${tail}\tpersoon@example.org\n`;
        mustCover(text, detector.detect(text), `${p.first} ${p.last}`);
      }
    }
  });

  it('keeps a name that is part of an organisation ending in its noun (near miss)', () => {
    for (const p of casts.flat()) {
      const text = `Het ${p.first} ${p.last} Fonds heeft een bijdrage toegezegd.\n`;
      mustKeep(text, detector.detect(text), `${p.first} ${p.last}`);
    }
  });

  it('finds a first name after thanks inside a sentence', () => {
    for (const p of casts.flat()) {
      for (const t of [`[12:01] Jan: Top, dank je ${p.first}!\n`, `Helemaal goed, bedankt ${p.first}.\n`, `Ok, dank u ${p.first}\n`]) {
        mustCover(t, detector.detect(t), p.first);
      }
    }
  });

  it('does not take a place or an ordinary word after thanks for a name (near miss)', () => {
    for (const t of ['Wij zeggen dank je Amsterdam voor de gastvrijheid.\n', 'Dank je wel voor het overleg.\n', 'Bedankt Iedereen die kwam.\n']) {
      const dets = detector.detect(t).filter((d) => d.category === 'name' && d.confidence >= 0.5);
      expect(dets.map((d) => d.text), t).toEqual([]);
    }
  });

  it('reads the "Wie" column of an action table across a page break', () => {
    for (const c of casts) {
      const [a, b] = [c[0]!, c[1]!];
      const ia = `${a.first[0]}${core(a)[0]}`.toUpperCase();
      const ib = `${b.first[0]}${core(b)[0]}`.toUpperCase();
      const text =
        `Actiepunten\nNr.\tActie\tWie\tGereed\n1\tBegroting bijwerken\t${ia}\t5 mei 2024\f` +
        `Gemeente Voorbeeld — verslag overleg\nPagina 2 van 2\n2\tPlanning delen\t${ib}\t30 april 2024\n3\tMemo schrijven\t${a.first}\t1 mei\n`;
      const dets = detector.detect(text);
      mustCover(text, dets, `\t${ia}\t`.trim());
      mustCover(text, dets, `\t${ib}\t`.trim());
    }
  });

  it('reads initials in the "Wie" column that are also a weekday or a legal form, not a team', () => {
    const text = 'Nr.\tActie\tWie\tGereed\n1\tBegroting\tZA\t5 mei\n2\tBrief\tNV\t6 mei\n3\tMemo\tMT\t7 mei\n';
    const dets = detector.detect(text).filter((d) => d.confidence >= 0.5);
    expect(dets.map((d) => d.text)).toEqual(['ZA', 'NV']);
  });

  it('stops the "Wie" column at the end of the table (near miss)', () => {
    const text = 'Nr.\tActie\tWie\tGereed\n1\tBegroting\tKM\t5 mei\n\nToelichting bij de cijfers\nDe NV heeft\tGS\tbesloten\n';
    const dets = detector.detect(text).filter((d) => d.confidence >= 0.5);
    expect(dets.map((d) => d.text)).toEqual(['KM']);
  });

  it('keeps organisations and streets wrapped over a line or carrying a title', () => {
    for (const p of casts.flat()) {
      const texts = [
        `Ook ${p.first} ${p.last}\nCultuurfonds heeft belangstelling getoond.\n`,
        `Het onderzoek van het Stichting\n${core(p)} wordt meegenomen.\n`,
        `Bezoekadres: Dr. ${stem(p)}straat 4\n`,
        `We zitten op Mr. ${stem(p)}plein 12, kamer 3.\n`,
      ];
      for (const t of texts) {
        const dets = detector.detect(t).filter((d) => d.category === 'name' && d.confidence >= 0.5);
        expect(dets.map((d) => d.text), t).toEqual([]);
      }
    }
  });

  it('still finds a person after a title (near miss of the street rule)', () => {
    for (const p of casts.flat()) {
      const t = `Ik sprak dr. ${core(p)} over de aanvraag.\n`;
      mustCover(t, detector.detect(t), core(p));
    }
  });

  it('finds a home address whose house number wrapped to the next line, not a place and a year', () => {
    for (const street of ['Lindelaan', 'Kerkstraat', 'Molenweg', 'Ringdijk', 'Zuiderpark']) {
      const t = `Kun jij de sleutel ophalen? Ik woon op ${street}\n156, je mag hem in de bus doen.\n`;
      const dets = detector.detect(t).filter((d) => d.category === 'address');
      expect(dets.map((d) => d.text), t).toEqual([`${street}\n156`]);
    }
    for (const no of ['Zij woont in Amsterdam\n2024 was een goed jaar.\n', 'Hij woont in Zoetermeer\n12 jaar al.\n']) {
      expect(detector.detect(no).filter((d) => d.category === 'address'), no).toEqual([]);
    }
  });

  it('propagates a known name that is also a word at a sentence start before a verb on the next line or a role in brackets', () => {
    for (const [first, last] of [['Sanne', 'Bakker'], ['Fatima', 'Visser'], ['Kwame', 'Smit']] as const) {
      const t1 = `Aan: ${first} ${last}\nHet stuk is klaar. ${last}\nbelde gisteren over de planning.\n`;
      const d1 = detector.detect(t1);
      const at = t1.lastIndexOf(last);
      expect(covered(t1, d1, at, at + last.length), t1).toBe(true);
      const t2 = `Aan: ${first} ${last}\n\n${last} (accountmanager) stuurt de stukken.\n`;
      const d2 = detector.detect(t2);
      const at2 = t2.lastIndexOf(last);
      expect(covered(t2, d2, at2, at2 + last.length), t2).toBe(true);
    }
    // near miss: the same shapes for a word that is no name in the document
    const no = 'Aan: Sanne Bakker\nHet stuk is klaar. Werk\nbelde niemand.\nWerk (zie bijlage) volgt.\n';
    expect(detector.detect(no).filter((d) => d.confidence >= 0.5 && d.text === 'Werk')).toEqual([]);
  });

  it('finds a BSN whose groups wrap at a line end, only with its context word', () => {
    const yes = 'Uw gegevens: geboren op 1 mei 1950, burgerservicenummer 111 222\n333.\n';
    expect(detector.detect(yes).filter((d) => d.category === 'bsn').map((d) => d.text)).toEqual(['111 222\n333']);
    const no = 'Het dossier telt 111 222\n333 woorden.\n';
    expect(detector.detect(no).filter((d) => d.category === 'bsn')).toEqual([]);
  });

  it('finds a double surname with "in \'t" after the hyphen', () => {
    for (const p of casts.flat()) {
      const t = `Volgens ${p.first} ${core(p)}-in 't Veld is het klaar.\n`;
      mustCover(t, detector.detect(t), `${p.first} ${core(p)}-in 't Veld`);
    }
  });

  it('takes the cells under a name heading as names, also surnames that are streets or words', () => {
    for (const p of casts.flat()) {
      const t = `Voornaam\tAchternaam\tTelefoon\n${p.first}\t${p.last}\t020 123 4567\nSugiarto\tHoogland\t06 12345678\n`;
      const d = detector.detect(t);
      mustCover(t, d, p.last);
      mustCover(t, d, 'Hoogland');
    }
    // near misses: a role word is a value, not a heading; organisations in a name column stay
    const roles = '5\tPiet Bakker\tBewoner\tp@x.nl\n6\tJan Smit\tBewoner\tj@x.nl\n';
    mustKeep(roles, detector.detect(roles), 'Bewoner');
    const orgs = 'Naam\tFunctie\nGemeente Zaanstad\tafdeling\n';
    mustKeep(orgs, detector.detect(orgs), 'Gemeente Zaanstad');
  });
});
