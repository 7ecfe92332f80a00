import { describe, expect, it } from 'vitest';
import { createDetector, parseOfficialsList } from '../index.js';
import { ALL_PEOPLE, CASTS, LEXICON_MODES, capitalised, covered, render } from '../test-support.js';

/** Sentence templates: every {slot} is a name that must be redacted, nothing else may be. */
const TEMPLATES = [
  'Het gesprek met {full} is verplaatst naar dinsdag.',
  'Namens de heer {last} stuur ik u de stukken.',
  'Mevrouw {last} belde om 10.00 uur over de aanvraag.',
  'cc: {initial} {last}',
  'Beste {first},\n\nDank voor je bericht over de subsidie.',
  'Met vriendelijke groet,\n\n{full}\nSenior adviseur Ruimte',
  'Van:\t{full}\nAan:\tteam Wonen\nOnderwerp:\tplanning',
  '{full} (bewoner) meldt overlast. Later belde {Last} opnieuw.',
  'Volgens {full} is de overlast toegenomen sinds 2019.',
  '{FULL}\nAfdeling Vergunningen',
  'De deelnemers worden opgevangen door {full}. {first} begeleidt de collega’s naar de zaal.',
  'Het verslag is gemaakt door {full}; vragen kunnen naar {first}.',
];

describe.each(LEXICON_MODES)('names from templates (%s lexicons)', (mode) => {
  const detector = createDetector({ lexicons: mode, compromiseVote: false });
  for (const [castName, cast] of Object.entries(CASTS)) {
    it.each(TEMPLATES)(`${castName}: %s`, (template) => {
      for (const person of cast) {
        const { text, expected } = render(template, person);
        const dets = detector.detect(text);
        for (const e of expected) expect(covered(text, dets, e.start, e.end), `"${e.text}" in ${JSON.stringify(text)}`).toBe(true);
        const stray = dets.filter((d) => d.confidence >= 0.5 && !expected.some((e) => d.start < e.end && e.start < d.end));
        expect(stray.map((d) => d.text), JSON.stringify(text)).toEqual([]);
      }
    });
  }

  it('finds a participant list with one name per line', () => {
    const lines = ALL_PEOPLE.slice(0, 8).map((p, i) => (i % 3 === 0 ? `${p.first.charAt(0)}. ${capitalised(p.last)}` : `${p.first} ${p.last}`));
    const text = `Deelnemers gesprek\n\nNaam\tFunctie\n\n${lines.join('\n')}\n\nSociaal\nBedrijfsvoering\n`;
    const dets = detector.detect(text);
    for (const l of lines) {
      const start = text.indexOf(l);
      expect(covered(text, dets, start, start + l.length), l).toBe(true);
    }
    expect(dets.filter((d) => /Sociaal|Bedrijfsvoering|Deelnemers|Naam|Functie/.test(d.text))).toEqual([]);
  });
});

/** Things that look like names but stay visible. */
const KEEP_CASES: Array<[string, string]> = [
  ['role word before the name', 'Wethouder Karin de Boer opende de vergadering.'],
  ['role word before a surname', 'Zij sprak met minister De Jonge over het plan.'],
  ['council member with party', 'Lid Kaya (GL) stelde een vraag over de begroting.'],
  ['role after the name', 'Karin de Boer, wethouder Wonen, was aanwezig.'],
  ['street with suffix', 'In de Van Baerlestraat is een wegafsluiting.'],
  ['street named after a person', 'De Jan Pieterszoon Coenstraat wordt heringericht.'],
  ['street + house number', 'Locatie: Willem de Zwijgerlaan 350'],
  ['meeting place', 'Donderdag 23 mei 2024 16.00-17.30 (Jacob Bontiusplaats werf)'],
  ['organisation word after', 'Het onderzoek van het Verwey-Jonker Instituut is klaar.'],
  ['organisation word before', 'De Stichting Jan de Vries Fonds ontving subsidie.'],
  ['museum', 'Het Van Gogh Museum doet mee.'],
  ['institution compound', 'Het terrein van het Wilhelmina Gasthuis wordt verkocht.'],
  ['months and weekdays', 'Op Donderdag 13 juni en Vrijdag 14 juni is het kantoor dicht.'],
  ['place', 'De bijeenkomst in Den Haag en Amsterdam Zuidoost was druk.'],
];

describe.each(LEXICON_MODES)('names that stay visible (%s lexicons)', (mode) => {
  const detector = createDetector({ lexicons: mode, compromiseVote: false });
  it.each(KEEP_CASES)('%s: %s', (_why, text) => {
    expect(detector.detect(text).filter((d) => d.confidence >= 0.5).map((d) => d.text)).toEqual([]);
  });
});

describe('officials list', () => {
  const officials = parseOfficialsList('# ambtsdragers\nKarin de Boer\n\nHalsema   # burgemeester\n');
  it('parses one name per line with comments', () => expect(officials).toEqual(['Karin de Boer', 'Halsema']));
  it.each(LEXICON_MODES)('suppresses the official everywhere, also in case variants (%s)', (mode) => {
    const detector = createDetector({ lexicons: mode, officials, compromiseVote: false });
    const text = 'Aan: Karin De Boer\nGesprek met Karin de Boer en mevrouw De Boer. Karin opent. Burgemeester Halsema sluit af; Halsema dankt Thijs Hoekstra.';
    expect(detector.detect(text).filter((d) => d.confidence >= 0.5).map((d) => d.text)).toEqual(['Thijs Hoekstra']);
  });
});

describe('coordinator lists', () => {
  it('keep, redact and orgs lists', () => {
    const detector = createDetector({ lexicons: 'builtin', compromiseVote: false, keep: ['Sanne Vermeulen'], redact: ['Project Zonnebloem'], orgs: ['Movisie'] });
    const dets = detector.detect('Sanne Vermeulen van Movisie sprak over Project Zonnebloem met Thijs Hoekstra.');
    expect(dets.map((d) => [d.text, d.category])).toEqual([
      ['Project Zonnebloem', 'manual'],
      ['Thijs Hoekstra', 'name'],
    ]);
  });
});

describe.each(LEXICON_MODES)('document consistency (%s lexicons)', (mode) => {
  const detector = createDetector({ lexicons: mode, compromiseVote: false });
  it('propagates from strong mentions to bare surnames and first names', () => {
    const text = 'Aanvrager is Marieke van der Linden. Later mailde Van der Linden opnieuw.\nMarieke vroeg om uitstel.';
    const names = detector.detect(text).filter((d) => d.confidence >= 0.5).map((d) => d.text);
    expect(names).toEqual(['Marieke van der Linden', 'Van der Linden', 'Marieke']);
  });
  it('does not propagate from weak guesses', () => {
    const text = 'De Raad besluit. De Raad vergadert. Volgens de Raad is dit goed.';
    expect(detector.detect(text).filter((d) => d.confidence >= 0.5)).toEqual([]);
  });
  it('uses e-mail local parts as support and keeps the organisation domain visible', () => {
    const text = 'Van:\tj.kuipers@utrecht.nl\nAan:\tk.smit@utrecht.nl\nGraag reactie, Kuipers vroeg ernaar.';
    const dets = detector.detect(text);
    expect(dets.filter((d) => d.category === 'email').map((d) => d.text)).toEqual(['j.kuipers', 'k.smit']);
    expect(dets.some((d) => d.category === 'name' && d.text === 'Kuipers' && d.confidence >= 0.5)).toBe(true);
  });
});

describe.each(LEXICON_MODES)('PDF text shapes (%s lexicons)', (mode) => {
  const detector = createDetector({ lexicons: mode, compromiseVote: false });
  it.each([
    ['name split over a line break in running text', 'De aanvraag is ingediend door Thijs\nHoekstra en wordt nu behandeld.', 'Thijs\nHoekstra'],
    ['initials and particle before a line break', 'Gesprek met mevr. S. van der\nLinden over de melding.', 'S. van der\nLinden'],
    ['hyphenation at the line end', 'Ondertekend door Fatima Bou-\nzid namens de bewoners.', 'Fatima Bou-\nzid'],
    ['diacritics', 'Het gesprek met Hakan Öztürk en Zeynep Yıldız verliep goed.', 'Hakan Öztürk'],
    ['tussenvoegsel in \'t', "Gesprek met R. in 't Veld over de planning.", "R. in 't Veld"],
    ['double surname', 'Reactie van Sanne Vermeulen-de Groot op het concept.', 'Sanne Vermeulen-de Groot'],
    ['initials + Moroccan particle', 'Contact: L. El Khattabi, afdeling Zorg.', 'L. El Khattabi'],
  ])('%s', (_why, text, name) => {
    const start = text.indexOf(name);
    expect(covered(text, detector.detect(text), start, start + name.length)).toBe(true);
  });
  it('does not join names across table cells or list lines', () => {
    const text = 'Sanne Vermeulen\tAdviseur\nThijs Hoekstra\tJurist';
    expect(detector.detect(text).map((d) => d.text)).toEqual(['Sanne Vermeulen', 'Thijs Hoekstra']);
  });
});

/** The research note's challenge set. [[x]] must be redacted, {{x}} (officials) and <<x>> (orgs,
 * streets, places) must stay visible. */
const CHALLENGE = [
  '[[Jan]] heeft gisteren gebeld over de aanvraag.',
  'Beste [[Kwabena]],\n\nDank voor je bericht.',
  'Met vriendelijke groet,\n\n[[Tjeerd Zwartkruis]]\nSenior adviseur Ruimte',
  'Het advies van [[Bakker]] en [[Visser]] is overgenomen.',
  'Namens de heer [[Jansen]] stuur ik u de stukken.',
  'Mevrouw [[El Idrissi]] belde om 10.00 uur.',
  'cc: [[A.B. de Groot-van Dijk]]',
  '[[JAN DE VRIES]]\nAfdeling Vergunningen',
  'Het overleg vond plaats aan de <<Burgemeester de Vlugtlaan>> 12.',
  'Het <<Anne Frank Huis>> heeft gereageerd.',
  'De <<Stichting Jan de Vries Fonds>> ontving subsidie.',
  'Wethouder {{De Boer}} en raadslid {{Kaya}} waren aanwezig, net als [[Roos Hendriks]].',
  'Op verzoek van [[Bas]] is het punt verschoven.',
  'Volgens [[Mohammed Ouaali]] (bewoner) is de overlast toegenomen.',
  '[[Xiomara Tjon-A-Loi]] woont sinds 2019 in de wijk.',
  'Gesprek met mw. [[Ng]] en dhr. [[Nguyen]].',
  'Aanwezig: [[Karim]], [[Lisa]], [[Ruben]] (notulist)',
  'De <<Johan Cruijff ArenA>> is verhuurd.',
  'Contact: [[Sophie]] (telefonisch bereikbaar).',
  'Zij sprak met minister {{De Jonge}} over het plan.',
  'Locatie: <<Willem de Zwijgerlaan>> 350',
  '[[De Groot]] merkte op dat het budget op is.',
  'Het <<Rijksmuseum>> en het <<Van Gogh Museum>> doen mee.',
  'Dag [[Fleur]], kun je dit oppakken?',
  'Reactie van [[Yvonne van der Laan-Bos]] op het concept.',
  'De brief is ondertekend door [[P.J.M. Verhoeven]] MBA.',
  'Het terrein van het <<Wilhelmina Gasthuis>> wordt verkocht.',
  'In de <<Van Baerlestraat>> is een wegafsluiting.',
  'Mail [[Marieke]] even of zij de zaal heeft geboekt.',
  'De <<Hogeschool van Amsterdam>> en de <<Vrije Universiteit>> werken samen.',
  '[[Emma]] ging naar het <<Emma Kinderziekenhuis>>.',
  'Het <<Nationaal Monument>> op de <<Dam>> wordt gerestaureerd.',
  '[[Ali]] en [[Ayoub]] zijn broers.',
  'De buurvrouw, [[Truus]], heeft klachten gemeld.',
  'Ook [[Peter Jansen]] (buurtbewoner) sprak in.',
  'De <<Jan Pieterszoon Coenstraat>> en het <<Frederik Hendrikplantsoen>> worden heringericht.',
  'Burgemeester {{Halsema}} opende de vergadering; [[Kees]] notuleerde.',
  'Volgens [[Visser]] van de afdeling Handhaving klopt dit niet.',
];

function parseCase(marked: string): { text: string; names: Array<{ start: number; end: number }>; keeps: Array<{ start: number; end: number }> } {
  let text = '';
  const names: Array<{ start: number; end: number }> = [];
  const keeps: Array<{ start: number; end: number }> = [];
  let pos = 0;
  for (const m of marked.matchAll(/\[\[(.+?)\]\]|\{\{(.+?)\}\}|<<(.+?)>>/g)) {
    text += marked.slice(pos, m.index);
    const inner = m[1] ?? m[2] ?? m[3]!;
    (m[1] ? names : keeps).push({ start: text.length, end: text.length + inner.length });
    text += inner;
    pos = m.index + m[0].length;
  }
  return { text: text + marked.slice(pos), names, keeps };
}

function scoreChallenge(mode: 'builtin' | 'system', vote: boolean) {
  const detector = createDetector({ lexicons: mode, compromiseVote: vote });
  let found = 0;
  let total = 0;
  const falsePositives: string[] = [];
  const missed: string[] = [];
  for (const marked of CHALLENGE) {
    const { text, names } = parseCase(marked);
    const dets = detector.detect(text).filter((d) => d.category === 'name');
    for (const n of names) {
      total++;
      if (covered(text, dets, n.start, n.end)) found++;
      else missed.push(text.slice(n.start, n.end));
    }
    for (const d of dets) if (d.confidence >= 0.5 && !names.some((n) => d.start < n.end && n.start < d.end)) falsePositives.push(d.text);
  }
  return { found, total, falsePositives, missed };
}

describe('challenge set from the research note', () => {
  // thresholds document the measured state; measured: system 30/31 with 0 false positives, builtin 28/31 with 0; the prototype reached 28/31 with 2
  it.each(LEXICON_MODES.map((m) => [m, m === 'system' ? 29 : 26, m === 'system' ? 1 : 2] as const))(
    '%s lexicons: at least %i of the names, at most %i false positives',
    (mode, minFound, maxFp) => {
      const r = scoreChallenge(mode, true);
      console.info(`challenge ${mode}: ${r.found}/${r.total} found, missed ${JSON.stringify(r.missed)}, false positives ${JSON.stringify(r.falsePositives)}`);
      expect(r.found).toBeGreaterThanOrEqual(minFound);
      expect(r.falsePositives.length).toBeLessThanOrEqual(maxFp);
    },
  );
});
