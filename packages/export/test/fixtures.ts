import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { createCanvas } from '@napi-rs/canvas';
import { buildTextIndex, spanBoxes, type ExtractedDocument, type Redaction } from '@woo/core';

const require = createRequire(import.meta.url);
const DEJAVU = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

/** mulberry32: the same letters for the same seed, so a failing seed can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Sanne', 'Daan', 'Fleur', 'Bram', 'Lotte', 'Joost', 'Anouk', 'Thijs', 'Marloes', 'Ruben', 'Ilse', 'Wouter', 'Yara', 'Sem'];
const LAST = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Dijk'];
const DOMAINS = ['amsterdam.nl', 'minbzk.nl', 'gmail.com', 'rijksoverheid.nl'];
const FILLER = [
  'Naar aanleiding van uw verzoek op grond van de Wet open overheid sturen wij u de stukken.',
  'Het college heeft het besluit in de vergadering van dinsdag besproken.',
  'De gemeente ontving de aanvraag op tijd en heeft deze in behandeling genomen.',
  'Wij verzoeken u de bijlagen zorgvuldig te lezen voordat u reageert.',
];

export interface Person {
  name: string;
  email: string;
  phone: string;
}

export interface LeakFixture {
  pdf: Uint8Array;
  /** Personal data that must be redacted (each occurs once in the page text). */
  people: Person[];
  /** A name that also appears in metadata, the outline, a form field, a link and an attachment. */
  hiddenName: string;
  /** Text of a suggestion the reviewer rejected: it must stay. */
  rejected: string;
}

function person(rand: () => number, used: Set<string>): Person {
  for (;;) {
    const first = FIRST[Math.floor(rand() * FIRST.length)]!;
    const last = LAST[Math.floor(rand() * LAST.length)]!;
    const name = `${first} ${last}`;
    if (used.has(name)) continue;
    used.add(name);
    const local = `${first[0]}.${last.replace(/ /g, '').toLowerCase()}${Math.floor(rand() * 90 + 10)}`.toLowerCase();
    const email = `${local}@${DOMAINS[Math.floor(rand() * DOMAINS.length)]}`;
    const digits = String(Math.floor(rand() * 1e8)).padStart(8, '0');
    const phone = rand() < 0.5 ? `06-${digits}` : `06 ${digits.slice(0, 4)} ${digits.slice(4)}`;
    return { name, email, phone };
  }
}

/** Letters with personal data in the text, and the same kind of data hidden in every place a
 * naive redaction forgets: Info, an outline, an AcroForm value, a mailto link, an attachment. */
export async function leakFixture(seed: number, pages = 3): Promise<LeakFixture> {
  const rand = seeded(seed);
  const used = new Set<string>();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const helv = await doc.embedFont(StandardFonts.Helvetica);
  const times = await doc.embedFont(StandardFonts.TimesRoman);
  const dejavu = await doc.embedFont(readFileSync(DEJAVU), { subset: true });
  const people: Person[] = [];
  const rejected = 'Burgemeester Halsema';
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    const line = (text: string, font: PDFFont = helv, size = 11) => {
      page.drawText(text, { x: 60, y, size, font });
      y -= size * 1.6;
    };
    line(`Kenmerk 2024-${1000 + p}`, helv, 9);
    for (let k = 0; k < 4; k++) {
      const who = person(rand, used);
      people.push(who);
      line(FILLER[(p + k) % FILLER.length]!, times);
      line(`Behandelaar: ${who.name}, telefoon ${who.phone}.`);
      line(`E-mail: (${who.email}) of per post.`);
    }
    line(`Met dank aan ${rejected} voor de toelichting.`);
    line('Overleg met mevrouw Yılmaz-Łukasz over Zoë’s dossier.', dejavu, 10);
    if (p === 0) {
      // a signature in colour, so this page goes out as JPEG
      const canvas = createCanvas(200, 80);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 200, 80);
      ctx.strokeStyle = '#1a3cc8';
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.moveTo(10, 60);
      ctx.bezierCurveTo(60, 0, 120, 90, 190, 20);
      ctx.stroke();
      const png = await doc.embedPng(new Uint8Array(await canvas.encode('png')));
      page.drawImage(png, { x: 350, y: 60, width: 200, height: 80 });
    }
    page.drawText(`Pagina ${p + 1}`, { x: 500, y: 30, size: 8, font: helv, color: rgb(0.3, 0.3, 0.3) });
  }

  const hidden = people[0]!;
  doc.setSubject(`Dossier ${hidden.name}`);
  doc.setAuthor(hidden.name);
  doc.setKeywords([hidden.email]);
  const first = doc.getPage(0);
  // mailto link annotation over the first e-mail address
  const link = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [60, 700, 300, 715],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(`mailto:${hidden.email}`) },
    }),
  );
  first.node.set(PDFName.of('Annots'), doc.context.obj([link]));
  // outline with the name as title
  const outlines = doc.context.nextRef();
  const item = doc.context.register(
    doc.context.obj({ Title: PDFString.of(`Brief aan ${hidden.name}`), Parent: outlines, Dest: [first.ref, 'Fit'] }),
  );
  doc.context.assign(outlines, doc.context.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  // form field with a value
  const field = doc.getForm().createTextField('behandelaar');
  field.setText(hidden.name);
  field.addToPage(doc.getPage(pages - 1), { x: 60, y: 60, width: 200, height: 20 });
  // attachment naming the person
  await doc.attach(new TextEncoder().encode(`Notitie over ${hidden.name}, ${hidden.phone}`), 'notitie.txt', {
    mimeType: 'text/plain',
    description: `Notitie ${hidden.name}`,
  });
  return { pdf: await doc.save(), people, hiddenName: hidden.name, rejected };
}

/** Accepted (or `status`) name redactions for `text` at its first occurrence in the document
 * text, one per line it spans, with ids `id`, `id-1`, ... */
export function redact(doc: ExtractedDocument, text: string, id: string, status: Redaction['status'] = 'accepted'): Redaction[] {
  const index = buildTextIndex(doc.pages);
  const start = index.text.indexOf(text);
  if (start < 0) throw new Error(`fixture text not found: ${text}`);
  return spanBoxes(index, doc.pages, start, start + text.length).map((span, i) => ({
    id: `${id}${i ? `-${i}` : ''}`,
    page: span.page,
    boxes: span.boxes,
    text,
    category: 'name',
    ground: '5.1.2e',
    confidence: 0.9,
    detector: 'test',
    explanation: 'test',
    status,
    needsReview: false,
  }));
}
