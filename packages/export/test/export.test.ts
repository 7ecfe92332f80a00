import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, TextRenderingMode, setTextRenderingMode } from 'pdf-lib';
import { isPlaced, type ExtractedDocument, type Redaction } from '@woo/core';
import { extractDocument } from '@woo/pdf';
import { exportRedacted, verifyAgainstReport, verifyExport, type ExportMethod, type PageMethod } from '../src/index.js';
import { hits } from '../src/cover.js';
import { leakFixture, redact, type LeakFixture } from './fixtures.js';
import { everything, pdfinfo, pdftotext, popplerGray, runOn } from './tools.js';

interface Case {
  seed: number;
  method: ExportMethod;
  pageMethods: PageMethod[];
  fixture: LeakFixture;
  doc: ExtractedDocument;
  redactions: Redaction[];
  output: Uint8Array;
}

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
const digitRuns = (s: string) => [...s.matchAll(/\d(?:[\d\s().\/+-]*\d)?/g)].map((m) => m[0].replace(/\D/g, ''));

/** What must never be readable: full strings, e-mail local parts, phone digits. */
function secrets(f: LeakFixture): { strings: string[]; digits: string[] } {
  const strings = f.people.flatMap((p) => [p.name, p.email, p.email.split('@')[0]!, p.phone]);
  return { strings: strings.map(norm), digits: f.people.map((p) => p.phone.replace(/\D/g, '')) };
}

const METHODS: readonly ExportMethod[] = ['raster', 'vector', 'auto'];
const cases: Case[] = [];
const rasterCase = () => cases.find((c) => c.method === 'raster')!;

beforeAll(async () => {
  for (const seed of [7, 20260101]) {
    const fixture = await leakFixture(seed, 3);
    const doc = await extractDocument(fixture.pdf);
    const redactions = fixture.people.flatMap((p, i) => [
      ...redact(doc, p.name, `n${i}`),
      ...redact(doc, p.email.split('@')[0]!, `e${i}`, 'manual'),
      // a phone number withheld on two grounds: its box says both
      ...redact(doc, p.phone, `t${i}`).map((r) => (i === 0 ? { ...r, additionalGrounds: ['5.1.2i' as const] } : r)),
    ]);
    redactions.push(...redact(doc, fixture.rejected, 'x', 'rejected'));
    for (const method of METHODS) {
      const started = performance.now();
      const { pdf: output, pageMethods } = await exportRedacted(fixture.pdf, doc, redactions, { method, title: `Document ${seed}` });
      const seconds = (performance.now() - started) / 1000;
      console.log(`seed ${seed} ${method} (${pageMethods.join(' ')}): ${(seconds / doc.pages.length).toFixed(2)} s/page, ${(output.length / 1024 / doc.pages.length).toFixed(1)} KB/page`);
      cases.push({ seed, method, pageMethods, fixture, doc, redactions, output });
    }
  }
});

describe('exportRedacted leaves nothing of the redacted data', () => {
  it('pdftotext finds no redacted string, but every other word and one label per box', () => {
    for (const c of cases) {
      const text = norm(pdftotext(c.output));
      const { strings, digits } = secrets(c.fixture);
      for (const s of strings) expect(text, `seed ${c.seed} ${c.method}: ${s}`).not.toContain(s);
      const runs = digitRuns(text);
      for (const d of digits) expect(runs.some((r) => r.includes(d)), `seed ${c.seed}: digits ${d}`).toBe(false);
      expect(text).toContain(norm(c.fixture.rejected));
      expect(text).toContain('yılmaz-łukasz');

      const applied = c.redactions.filter((r) => r.status !== 'rejected');
      for (const page of c.doc.pages) {
        const boxes = applied.filter((r) => r.page === page.number).flatMap((r) => r.boxes);
        // annotation text is not copied into the text layer: the OCR of its appearance stands for it
        for (const w of page.words.filter(isPlaced)) if (!boxes.some((b) => hits(b, w.box))) expect(text, `kept word ${w.text}`).toContain(norm(w.text));
      }
      const boxCount = applied.reduce((n, r) => n + r.boxes.length, 0);
      expect(text.match(/5\.1\.2e/g)?.length).toBe(boxCount);
      const twoGrounds = applied.filter((r) => r.additionalGrounds?.length).reduce((n, r) => n + r.boxes.length, 0);
      expect(twoGrounds).toBeGreaterThan(0);
      expect(text.match(/5\.1\.2e; 5\.1\.2i/g)?.length).toBe(twoGrounds);
    }
  });

  it('keeps the searchable remains of a partly covered word: "(" and "@domain)"', () => {
    const c = cases[0]!;
    const text = pdftotext(c.output);
    const domain = c.fixture.people[0]!.email.split('@')[1]!;
    expect(text).toContain(`@${domain})`);
    expect(text).toMatch(/E-mail: \(/);
  });

  it('drops metadata, XMP, links, outlines, form fields and attachments', () => {
    for (const c of cases) {
      const info = pdfinfo(c.output);
      expect(info).toMatch(new RegExp(`^Title:\\s+Document ${c.seed}$`, 'm'));
      expect(info).toMatch(/^Producer:\s+woo-redact$/m);
      expect(info).not.toMatch(/^(Author|Subject|Keywords|Creator):/m);
      expect(info).toMatch(/^Metadata Stream:\s+no$/m);
      expect(info).toMatch(/^Pages:\s+3$/m);
      const all = everything(c.output);
      expect(all.objects).toMatch(/"\/Lang":"u:nl-NL"/);
      for (const key of ['/Annots', '/AcroForm', '/Outlines', '/Names', '/EmbeddedFiles', '/Metadata', '/OpenAction', '/JavaScript', '/URI']) {
        expect(all.keys.has(key), key).toBe(false);
      }
      const haystack = norm(all.objects + all.streams);
      for (const s of [...secrets(c.fixture).strings, norm(c.fixture.hiddenName)]) expect(haystack, s).not.toContain(s);
      // the original is full of these; the output must be a different file, not an edited one
      expect(pdfinfo(c.fixture.pdf)).toMatch(/^Author:/m);
    }
  });

  it('is one revision', () => {
    const raw = Buffer.from(cases[0]!.output).toString('latin1');
    expect(raw.match(/%%EOF/g)).toHaveLength(1);
    expect(raw).not.toMatch(/\/Prev\s+\d+\s*[/>]/);
  });

  it('paints every box dark (rendered by poppler, not by us)', () => {
    for (const c of cases) {
      for (const page of c.doc.pages) {
        const img = popplerGray(c.output, page.number, 72);
        for (const r of c.redactions.filter((x) => x.page === page.number && x.status !== 'rejected')) {
          for (const b of r.boxes) {
            let dark = 0;
            let n = 0;
            for (let y = Math.ceil(b.y); y < Math.floor(b.y + b.height); y++) {
              for (let x = Math.ceil(b.x); x < Math.floor(b.x + b.width); x++) {
                n++;
                if (img.data[y * img.width + x]! < 110) dark++;
              }
            }
            expect(dark / n, `${r.id} on page ${page.number}`).toBeGreaterThan(0.6);
          }
        }
      }
    }
  });

  it('stores gray pages as 4-bit Flate and colour pages as JPEG, with alt text per label', () => {
    const all = everything(rasterCase().output);
    const images = [...all.objects.matchAll(/\{[^{}]*"\/Subtype":"\/Image"[^{}]*\}/g)].map((m) => m[0]);
    expect(images.filter((i) => i.includes('/DCTDecode'))).toHaveLength(1);
    expect(images.filter((i) => i.includes('/DeviceGray') && i.includes('"/BitsPerComponent":4'))).toHaveLength(2);
    const boxes = rasterCase().redactions.filter((r) => r.status !== 'rejected').reduce((n, r) => n + r.boxes.length, 0);
    expect(all.streams.match(/\/Span <<\/Alt <FEFF/g)).toHaveLength(boxes);
  });

  it('keeps clean digital pages as vector pages with the document\'s own fonts and the labels as text', () => {
    for (const c of cases.filter((x) => x.method !== 'raster')) {
      const vector = c.pageMethods.flatMap((m, i) => (m === 'vector' ? [i + 1] : []));
      // the fixture's pages 1 and 3 carry a screenshot with text (OCR regions): only page 2 is clean
      expect(vector, `${c.method}`).toEqual([2]);
      const fonts = runOn(c.output, 'pdffonts', ['-f', '2', '-l', '2', 'IN']).toString('utf8');
      expect(fonts).toMatch(/DejaVuSans/);
      expect(fonts).toMatch(/Helvetica-Bold/);
      const all = everything(c.output);
      expect(all.objects).not.toContain('/Redact');
      expect(all.objects).toContain('"/Lang":"u:nl-NL"');
      const labels = c.redactions.filter((r) => r.status !== 'rejected' && r.page === 2).reduce((n, r) => n + r.boxes.length, 0);
      expect(pdftotext(c.output).split('\f')[1]!.match(/5\.1\.2e/g)).toHaveLength(labels);
    }
  });
});

describe('vector export', () => {
  it('removes what stands beside the visible page: it was never read', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    page.drawText('De commissie heeft de aanvragen beoordeeld.', { x: 56, y: 760, size: 11, font });
    page.drawText('Buiten beeld Pietersen', { x: 640, y: 700, size: 11, font });
    const bytes = await pdf.save();
    const doc = await extractDocument(bytes);
    expect(everything(bytes).streams).toContain('Pietersen');
    const { pdf: output, pageMethods } = await exportRedacted(bytes, doc, [], { method: 'vector' });
    expect(pageMethods).toEqual(['vector']);
    const all = everything(output);
    expect(all.streams).not.toContain('Pietersen');
    expect(all.streams).toContain('beoordeeld');
  });
});

describe('verifyExport', () => {
  const passed = { ok: true, problems: [], problemPages: [], wholeFile: false };
  it('passes the real output, also against the report alone', async () => {
    for (const c of cases) {
      expect(await verifyExport(c.output, { doc: c.doc, redactions: c.redactions, source: c.fixture.pdf }), c.method).toEqual(passed);
      expect(await verifyAgainstReport(c.output, { pages: 3, redactions: c.redactions }), c.method).toEqual(passed);
    }
  }, 300_000);

  it('fails the input itself: original content and fonts of redacted pages, text in the streams', async () => {
    const c = cases[0]!;
    const report = await verifyExport(c.fixture.pdf, { doc: c.doc, redactions: c.redactions, source: c.fixture.pdf });
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.includes('inhoudsstroom van de gelakte pagina'))).toBe(true);
    expect(report.problems.some((p) => p.includes('lettertype van de gelakte pagina'))).toBe(true);
    expect(report.problems.some((p) => p.includes('in zijn objecten of streams'))).toBe(true);
    expect(report.problems.some((p) => p.includes('is maar voor'))).toBe(true);
    expect(report.problemPages).toEqual([1, 2, 3]);
  });

  it('sees ink of a redacted word beside a box that covers only its baseline', async () => {
    const c = rasterCase();
    const name = c.redactions.find((r) => r.id === 'n1')!;
    const sliver = { ...name, boxes: name.boxes.map((b) => ({ ...b, y: b.y + b.height - 3, height: 3 })) };
    const redactions = [...c.redactions.filter((r) => r.id !== 'n1'), sliver];
    const { pdf } = await exportRedacted(c.fixture.pdf, c.doc, redactions, { method: 'raster' });
    const report = await verifyExport(pdf, { doc: c.doc, redactions, source: c.fixture.pdf });
    expect(report.problems.some((p) => p.includes('lakking n1') && p.includes('inkt van de gelakte tekst'))).toBe(true);
    expect(report.problemPages).toContain(name.page);
  });

  it('fails when redacted text is put back into the text layer', async () => {
    const c = cases[0]!;
    const doctored = await PDFDocument.load(c.output);
    const font = await doctored.embedFont(StandardFonts.Helvetica);
    // invisible, as a sloppy OCR layer would put it back
    doctored.getPage(1).pushOperators(setTextRenderingMode(TextRenderingMode.Invisible));
    doctored.getPage(1).drawText(`Bel ${c.fixture.people[5]!.phone}`, { x: 300, y: 300, size: 8, font });
    doctored.getPage(0).drawText(c.fixture.people[1]!.name, { x: 300, y: 330, size: 8, font });
    const bytes = await doctored.save();
    const report = await verifyExport(bytes, { doc: c.doc, redactions: c.redactions });
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.includes('tekstlaag') && p.includes('lakking n1'))).toBe(true);
    expect(report.problems.some((p) => p.includes('cijfers van een gelakt nummer'))).toBe(true);
    expect(report.problems.join(' ')).not.toContain(c.fixture.people[1]!.name);
    expect((await verifyAgainstReport(bytes, { pages: 3, redactions: c.redactions })).ok).toBe(false);
  });

  it('fails on metadata, extra revisions, missing pages and unpainted boxes', async () => {
    const c = cases[0]!;
    const withAuthor = await PDFDocument.load(c.output);
    withAuthor.setAuthor('Iemand');
    const authored = await verifyExport(await withAuthor.save(), { doc: c.doc, redactions: c.redactions });
    expect(authored.problems.some((p) => p.includes('"Author"'))).toBe(true);

    // a title is shown by every viewer: one that names a redacted person fails
    const titled = await PDFDocument.load(c.output);
    titled.setTitle(`Brief aan ${c.fixture.people[1]!.name}`);
    const named = await verifyExport(await titled.save(), { doc: c.doc, redactions: c.redactions });
    expect(named.problems.some((p) => p.includes('titel') && p.includes('lakking n1'))).toBe(true);

    const appended = new Uint8Array([...c.output, ...new TextEncoder().encode('\n1 0 obj\n<<>>\nendobj\ntrailer\n<</Prev 10>>\n%%EOF\n')]);
    const revisions = await verifyExport(appended, { doc: c.doc, redactions: c.redactions });
    expect(revisions.problems.some((p) => p.includes('%%EOF'))).toBe(true);
    expect(revisions.problems.some((p) => p.includes('/Prev'))).toBe(true);

    const shorter = await PDFDocument.load(c.output);
    shorter.removePage(2);
    const missing = await verifyExport(await shorter.save(), { doc: c.doc, redactions: c.redactions.filter((r) => r.page < 3) });
    expect(missing.problems.some((p) => p.includes("2 pagina's, het origineel 3"))).toBe(true);

    // a box that the export never painted: over the kept word "Kenmerk" on page 1
    const word = c.doc.pages[0]!.words.find((w) => w.text === 'Kenmerk')!;
    const extra: Redaction = { ...c.redactions[0]!, id: 'late', page: 1, boxes: [word.box], text: 'Kenmerk' };
    const unpainted = await verifyExport(c.output, { doc: c.doc, redactions: [...c.redactions, extra] });
    expect(unpainted.problems.some((p) => p.includes('lakking late') && p.includes('donker'))).toBe(true);
    expect(unpainted.problems.some((p) => p.includes('lakking late') && p.includes('tekstlaag'))).toBe(true);
  });
});

describe('verifyExport on several threads', () => {
  const saved = process.env.PAGE_THREADS;
  afterEach(() => {
    if (saved === undefined) delete process.env.PAGE_THREADS;
    else process.env.PAGE_THREADS = saved;
  });

  it('gives the report of one thread: pages checked by a page thread pass and fail alike, read ahead or not', async () => {
    const fixture = await leakFixture(11, 9);
    const doc = await extractDocument(fixture.pdf);
    const redactions = fixture.people.flatMap((p, i) => redact(doc, p.name, `n${i}`));
    const { pdf } = await exportRedacted(fixture.pdf, doc, redactions, { method: 'vector' });
    const reports = async (inputChecks?: Promise<never[]>) => ({
      output: await verifyExport(pdf, { doc, redactions, source: fixture.pdf, inputChecks }),
      // the input itself: every box fails its pixel check, on whichever thread it is checked
      input: await verifyExport(fixture.pdf, { doc, redactions, source: fixture.pdf, inputChecks }),
    });
    process.env.PAGE_THREADS = '1';
    const alone = await reports();
    process.env.PAGE_THREADS = '2';
    const shared = await reports();
    expect(shared).toEqual(alone);
    // nothing of the input read ahead (a long document past the read-ahead budget): every page's
    // input side is read when the page is checked, with the same report
    expect(await reports(Promise.resolve([]))).toEqual(alone);
    expect(shared.output.ok).toBe(true);
    expect(shared.input.problemPages).toEqual([...new Set(redactions.map((r) => r.page))].sort((a, b) => a - b));
    expect(shared.input.problems.filter((p) => p.includes('is maar voor')).length).toBe(redactions.length);
  }, 120_000);
});

