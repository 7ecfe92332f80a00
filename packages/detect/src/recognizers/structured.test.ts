import { describe, expect, it } from 'vitest';
import type { Category } from '@woo/core';
import { createDetector } from '../index.js';
import { isValidBsn } from './bsn.js';

const detector = createDetector({ lexicons: 'builtin', compromiseVote: false, orgDomains: ['amsterdam.nl'] });
const found = (text: string, category: Category) => detector.detect(text).filter((d) => d.category === category && d.confidence >= 0.5).map((d) => d.text);

describe('email', () => {
  it.each([
    ['Mail naar j.jansen@amsterdam.nl graag.', ['j.jansen']],
    ['Van: fatima.bouzid@gmail.com', ['fatima.bouzid@gmail.com']],
    ['cc p.devries@hotmail.nl, s.kok@ziggo.nl', ['p.devries@hotmail.nl', 's.kok@ziggo.nl']],
    ['Zie sub.domein.x@wijk.amsterdam.nl', ['sub.domein.x']],
    // broken at the '@' by a line end, either side
    ['contact via abdelkader.a@\nziggo.nl of bel', ['abdelkader.a@\nziggo.nl']],
    ['mail naar piet.jansen\n@gmail.com graag', ['piet.jansen\n@gmail.com']],
  ])('%s', (text, expected) => expect(found(text, 'email')).toEqual(expected));

  it.each([['Schrijf naar info@amsterdam.nl.'], ['Meld het bij woo@gemeente.nl'], ['Het @-teken en user@ zonder domein'], ['noreply@example.org']])(
    'near miss: %s',
    (text) => expect(found(text, 'email')).toEqual([]),
  );

  it('learns the organisation domain from addresses of several people', () => {
    const d = createDetector({ lexicons: 'builtin', compromiseVote: false });
    const text = 'Contact: a.bakker@utrecht.nl en r.vos@utrecht.nl; extern: k.smit@adviesbureau-x.nl';
    expect(d.detect(text).filter((x) => x.category === 'email').map((x) => x.text)).toEqual(['a.bakker', 'r.vos', 'k.smit@adviesbureau-x.nl']);
  });

  it('learns the domain of an address in a Van/Aan header, but never a mail provider', () => {
    const d = createDetector({ lexicons: 'builtin', compromiseVote: false });
    expect(d.detect('Van:\tj.vos@rotterdam.nl\nTekst').find((x) => x.category === 'email')?.text).toBe('j.vos');
    expect(d.detect('Van:\tj.vos@gmail.com\nTekst').find((x) => x.category === 'email')?.text).toBe('j.vos@gmail.com');
  });

  it('learns the domain from a header field whose value wrapped onto the next line', () => {
    const d = createDetector({ lexicons: 'builtin', compromiseVote: false });
    const text = 'Van:\tSanne Kok , Bureau Wonen , 020-5551234 ,\ns.kok@leiden.nl\nOnderwerp:\toverleg\nTekst\nTekst\nTekst\nTekst\nMail ook r.vos@delft.nl';
    const mails = d.detect(text).filter((x) => x.category === 'email').map((x) => x.text);
    expect(mails).toEqual(['s.kok', 'r.vos@delft.nl']);
  });

  it('explains the kept domain in Dutch', () => {
    expect(detector.detect('a.brink@amsterdam.nl')[0]?.explanation).toBe('e-mailadres (alleen het deel vóór @amsterdam.nl)');
  });
});

describe('phone', () => {
  // the 21 Dutch formats of the research note
  it.each([
    '06-12345678', '06 1234 5678', '0612345678', '020-5551234', '020 555 1234', '(020) 555 12 34', '+31 (0)20 555 1234',
    '+31(0)6-12345678', '+31 6 12345678', '+31612345678', '0031 20 5551234', '0031 6 12345678', '010-4123456', '030 - 2345678',
    '070-3456789', '+32 2 555 12 34', '088-1234567', '0800-1234', '0900-1234567', '+31 6 75012345',
  ])('finds %s', (phone) => {
    const text = `Bel ons op ${phone} voor meer informatie.`;
    const hits = detector.detect(text).filter((d) => d.category === 'phone');
    expect(hits.map((d) => d.text)).toEqual([phone]);
  });

  it.each([['+31 6\n75331188'], ['020-\n5551234'], ['(020)\n555 12 34']])('finds a number wrapped at a line end: %j', (phone) => {
    const text = `Mail of bel ${phone} , dank.`;
    expect(detector.detect(text).filter((d) => d.category === 'phone').map((d) => d.text)).toEqual([phone]);
  });

  it('finds numbers that end a table row followed by a row number', () => {
    const text = '9\tSanne Kok\tBewoner\t06-59335161\n10\tAbena Mensah\tBewoner\t+31 6 4187 4373\n11\tJan Vos\t020-5551234\n12';
    expect(detector.detect(text).filter((d) => d.category === 'phone').map((d) => d.text)).toEqual(['06-59335161', '+31 6 4187 4373', '020-5551234']);
  });

  it('flags the municipal 14 0xx number as probably public', () => {
    const hits = detector.detect('Bel 14 020 voor een afspraak.').filter((d) => d.category === 'phone');
    expect(hits.map((d) => d.text)).toEqual(['14 020']);
    expect(hits[0]!.confidence).toBeLessThan(0.5);
  });

  it.each([
    'Postcode 1012 AB', 'Donderdag 23 mei 2024 16.00-17.30', 'op 12-03-2024', 'op 2024-03-12', 'kosten € 1.234,56', 'budget € 1.234.567',
    'bestuursopdracht 2024 - 2028', 'grond 5.1, 2, e Woo', 'duurt 1,5 uur', 'IBAN NL91 ABNA 0417 1643 00', 'BSN 111222333',
    'zaaknummer Z-2024-001234', 'kenmerk 2024.12345', 'van 09.00-10.30 uur', 'factuur 20240312', 'van 9:00 - 17:00', 'kamer 1.31',
    'artikel 5.1 lid 2', 'versie 0.9.1', 'rapport 2023-0456',
  ])('near miss: %s', (text) => expect(found(text, 'phone')).toEqual([]));
});

describe('bsn', () => {
  it('elfproef', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
  });
  it.each([
    ['BSN: 123456782', ['123456782']],
    ['burgerservicenummer 111 222 333', ['111 222 333']],
    ['bsn 1112 22 333', ['1112 22 333']],
    ['Sofinummer 1112.22.333', ['1112.22.333']],
    ['het nummer 1234.56.782 staat erop', ['1234.56.782']],
    ['123456782 (BSN)', ['123456782']],
  ])('%s', (text, expected) => expect(found(text, 'bsn')).toEqual(expected));
  it.each([['ordernummer 123456782'], ['BSN: 123456789'], ['BSN 12345678'], ['factuur 1234567820'], ['BSN bekend, bedrag 123.456.782,00']])(
    'near miss: %s',
    (text) => expect(found(text, 'bsn')).toEqual([]),
  );
});

describe('iban', () => {
  it.each([
    ['Rekening NL91 ABNA 0417 1643 00 t.n.v. X', ['NL91 ABNA 0417 1643 00']],
    ['IBAN NL91ABNA0417164300.', ['NL91ABNA0417164300']],
    ['NL91 ABNA 0417 1643 00 BSN', ['NL91 ABNA 0417 1643 00']],
    ['BE68 5390 0754 7034', ['BE68 5390 0754 7034']],
  ])('%s', (text, expected) => expect(found(text, 'iban')).toEqual(expected));
  it.each([['NL92 ABNA 0417 1643 00'], ['NL91 ABNA 0417'], ['code AB12 CDEF 3456 7890 XX']])('near miss: %s', (text) =>
    expect(found(text, 'iban')).toEqual([]),
  );
});

describe('address', () => {
  it.each([
    ['Zij woont op Kerkstraat 12, 1012 AB Amsterdam.', ['Kerkstraat 12, 1012 AB Amsterdam']],
    ['Adres: Laan van Meerdervoort 1234a\n2517 AK Den Haag', ['Laan van Meerdervoort 1234a\n2517 AK Den Haag']],
    ["Burgemeester de Vlugtlaan 12-3 1063 BN 's-Gravenhage", ["Burgemeester de Vlugtlaan 12-3 1063 BN 's-Gravenhage"]],
    ['De melder woont aan de Dorpsweg 7.', ['Dorpsweg 7']],
    ['postcode 3511AB', ['3511AB']],
  ])('%s', (text, expected) => expect(found(text, 'address')).toEqual(expected));
  it.each([
    ['Plaats / adres: Jacob Bontiusplaats 11, Kamer 1.31'],
    ['Postbus 202, 1000 AE Amsterdam'],
    ['bestuursopdracht 2024 - 2028'],
    ['Splendor, Nieuwe Uilenburgerstraat 116 (5 min lopen vanaf Amstel 1)'],
    ['de jaren 1000 SS tot 2024'],
    // the running footer after a sentence cut off by the page end
    ['Ik woon op\nPagina 1 van 3'],
  ])('near miss: %s', (text) => expect(found(text, 'address')).toEqual([]));
});

describe('birthdate', () => {
  it.each([
    ['geboren op 12-03-1980 te Utrecht', ['12-03-1980']],
    ['(geb. 3 maart 1975)', ['3 maart 1975']],
    ['Geboortedatum: 1980-03-12', ['1980-03-12']],
    ['date of birth 01/02/99', ['01/02/99']],
    ['Hij is geboren in 1962.', ['1962']],
  ])('%s', (text, expected) => expect(found(text, 'birthdate')).toEqual(expected));
  it.each([['vergadering op 12-03-2024'], ['Donderdag 23 mei 2024'], ['het plan is geboren uit zorg. Op 12 mei 2024 besloten']])(
    'near miss: %s',
    (text) => expect(found(text, 'birthdate')).toEqual([]),
  );
});

describe('licence plate', () => {
  it.each([
    ['kenteken 12-ABC-3', ['12-ABC-3']],
    ['de auto met kenteken AB-12-CD stond er', ['AB-12-CD']],
    ['Kenteken: G-001-BB', ['G-001-BB']],
  ])('%s', (text, expected) => expect(found(text, 'licenseplate')).toEqual(expected));
  it.each([['artikel 12-34-56'], ['zaak AB-12-CD'], ['kenteken onbekend, dossier 12-345-678']])('near miss: %s', (text) =>
    expect(found(text, 'licenseplate')).toEqual([]),
  );
});

describe('url', () => {
  it('finds personal social-media profiles only', () => {
    expect(found('Zie linkedin.com/in/sanne-vermeulen-123 en https://www.amsterdam.nl/wonen', 'url')).toEqual(['linkedin.com/in/sanne-vermeulen-123']);
  });
});
