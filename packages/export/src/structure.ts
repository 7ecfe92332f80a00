import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { OUTPUT_PRODUCER } from './metadata.js';

/** The only document properties an export carries. Anything else (Author, Subject, Keywords,
 * custom keys) can hold personal data. The title is free text: the verifier searches it for
 * removed strings like the text layer (documentTitle). */
const ALLOWED_INFO = new Map<string, string | undefined>([
  ['Title', undefined],
  ['Producer', OUTPUT_PRODUCER],
]);

const FORBIDDEN_CATALOG: ReadonlyArray<[string, string]> = [
  ['Metadata', 'XMP-metadata'],
  ['AcroForm', 'formuliervelden'],
  ['Names', 'ingesloten bestanden of JavaScript (/Names)'],
  ['OpenAction', 'een actie bij het openen (/OpenAction)'],
  ['AA', 'automatische acties (/AA)'],
  ['Outlines', 'bladwijzers (/Outlines)'],
  ['StructTreeRoot', 'een structuurboom uit het origineel'],
];
const FORBIDDEN_PAGE: ReadonlyArray<[string, string]> = [
  ['Annots', 'annotaties of links'],
  ['AA', 'automatische acties (/AA)'],
  ['Metadata', 'XMP-metadata'],
];

/** (c) one complete write: a single %%EOF and no cross-reference /Prev pointer. */
export function checkRevisions(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const problems: string[] = [];
  const eofs = raw.match(/%%EOF/g)?.length ?? 0;
  if (eofs !== 1) problems.push(`Het bestand bevat ${eofs}× %%EOF; een gelakt document moet uit precies één volledige versie bestaan (geen bijgewerkte revisies).`);
  // "/Prev 123 0 R" is an outline link; a bare "/Prev 123" points at an earlier cross-reference
  const hasPrevXref = [...raw.matchAll(/\/Prev\s+\d+(\s+\d+\s+R)?/g)].some((m) => m[1] === undefined);
  if (hasPrevXref) problems.push('Het bestand verwijst naar een eerdere versie van zichzelf (/Prev): oude inhoud kan nog aanwezig zijn.');
  return problems;
}

function text(value: unknown): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : String(value);
}

/** The /Title of the document info, or '' when there is none. */
export function documentTitle(pdf: PDFDocument): string {
  const info = pdf.context.trailerInfo.Info ? pdf.context.lookup(pdf.context.trailerInfo.Info) : undefined;
  const title = info instanceof PDFDict ? info.get(PDFName.of('Title')) : undefined;
  return title === undefined ? '' : text(title);
}

/** (b) nothing but the page images, the text layer and neutral document properties. */
export function checkStructure(pdf: PDFDocument): string[] {
  const problems: string[] = [];
  const { trailerInfo } = pdf.context;
  if (trailerInfo.Encrypt) problems.push('Het gelakte bestand is versleuteld; publiceer een onversleuteld bestand.');
  const info = trailerInfo.Info ? pdf.context.lookup(trailerInfo.Info) : undefined;
  if (info instanceof PDFDict) {
    for (const [key, value] of info.entries()) {
      const name = key.decodeText();
      const fixed = ALLOWED_INFO.get(name);
      if (!ALLOWED_INFO.has(name) || (fixed !== undefined && fixed !== text(value))) {
        problems.push(`De documenteigenschap "${name}" is niet toegestaan of niet de vaste waarde; alleen titel en programma van woo-redact zijn toegestaan.`);
      }
    }
  }
  for (const [key, what] of FORBIDDEN_CATALOG) {
    if (pdf.catalog.has(PDFName.of(key))) problems.push(`Het document bevat ${what}; dat hoort niet in een gelakt document.`);
  }
  pdf.getPages().forEach((page, i) => {
    for (const [key, what] of FORBIDDEN_PAGE) {
      if (page.node.has(PDFName.of(key))) problems.push(`Pagina ${i + 1} bevat ${what}; dat hoort niet in een gelakt document.`);
    }
  });
  return problems;
}
