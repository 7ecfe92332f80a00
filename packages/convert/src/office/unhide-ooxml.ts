import { strFromU8, strToU8 } from 'fflate';

/* Word, Excel and PowerPoint packages edited before LibreOffice sees them, so that nothing the
 * author hid is left out of the PDF (and so out of the reading and the review): hidden text,
 * tracked changes, comments, hidden sheets, rows, columns and slides, print areas that cut off
 * part of a sheet. External links are cut and macros removed: the conversion never fetches or
 * runs anything. Each edit is counted; `notes` says in Dutch what was made visible. */

export type Entries = Record<string, Uint8Array>;

interface Edit {
  entries: Entries;
  notes: string[];
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join('');
}

/** Word: comment text in the running text where the comment is anchored. */
function wordComments(entries: Entries): Map<string, string> {
  const xml = entries['word/comments.xml'];
  const comments = new Map<string, string>();
  if (!xml) return comments;
  for (const m of strFromU8(xml).matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const id = /w:id="([^"]*)"/.exec(m[1]!)?.[1];
    const author = /w:author="([^"]*)"/.exec(m[1]!)?.[1];
    // author and text are already XML-escaped in the source; they are put back as they are
    if (id !== undefined) comments.set(id, `[Opmerking${author ? ` van ${author}` : ''}: ${xmlText(m[2]!)}]`);
  }
  return comments;
}

function editWordPart(xml: string, comments: Map<string, string>, tally: Record<string, number>): string {
  tally.hidden! += count(xml, /<w:(?:vanish|specVanish|webHidden)\b(?![^>]*w:val="(?:false|0|off)")[^>]*\/>/g);
  let out = xml.replace(/<w:(?:vanish|specVanish|webHidden)\b[^>]*\/>/g, '');
  tally.deleted! += count(out, /<w:(?:del|moveFrom)\b[^>]*>(?!\s*<\/)/g);
  tally.inserted! += count(out, /<w:(?:ins|moveTo)\b[^>]*[^/]>/g);
  // tracked changes: deleted and inserted text both become ordinary text
  out = out
    .replace(/<w:(?:del|ins|moveFrom|moveTo)\b[^>]*\/>/g, '')
    .replace(/<\/?w:(?:del|ins|moveFrom|moveTo)\b[^>]*>/g, '')
    .replace(/<(\/?)w:delText\b/g, '<$1w:t')
    .replace(/<(\/?)w:delInstrText\b/g, '<$1w:instrText')
    .replace(/<w:(?:moveFromRange|moveToRange)(?:Start|End)\b[^>]*\/>/g, '');
  out = out.replace(/<w:commentReference\b[^>]*w:id="([^"]*)"[^>]*\/>/g, (ref, id: string) => {
    const text = comments.get(id);
    if (text === undefined) return ref;
    tally.comments!++;
    return `${ref}<w:t xml:space="preserve"> ${text}</w:t>`;
  });
  return out;
}

function editWord(entries: Entries): Edit {
  const tally: Record<string, number> = { hidden: 0, deleted: 0, inserted: 0, comments: 0 };
  const comments = wordComments(entries);
  const out: Entries = { ...entries };
  for (const name of Object.keys(entries)) {
    if (/^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(name)) {
      out[name] = strToU8(editWordPart(strFromU8(entries[name]!), comments, tally));
    }
  }
  const notes: string[] = [];
  if (tally.hidden) notes.push(`verborgen tekst zichtbaar gemaakt (${tally.hidden}×)`);
  if (tally.deleted || tally.inserted) notes.push(`bijgehouden wijzigingen zichtbaar gemaakt: ${tally.deleted} verwijdering(en) en ${tally.inserted} invoeging(en) staan als gewone tekst in het document`);
  if (tally.comments) notes.push(`${tally.comments} opmerking(en) in de tekst gezet als [Opmerking van …]`);
  return { entries: out, notes };
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function sharedStrings(entries: Entries): string[] {
  const xml = entries['xl/sharedStrings.xml'];
  if (!xml) return [];
  return [...strFromU8(xml).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''));
}

/** In the PDF, text running past its cell is cut off at the next filled cell: every column gets
 * the width of its longest value (Excel's limit is 255 characters), so no text is cut. */
function widenColumns(xml: string, shared: readonly string[]): string {
  const longest = new Map<number, number>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const column = /\br="([A-Z]+)\d+"/.exec(m[1]!)?.[1];
    if (!column || !m[2]) continue;
    const type = /\bt="([^"]*)"/.exec(m[1]!)?.[1];
    const value = /<v>([^<]*)<\/v>/.exec(m[2])?.[1] ?? '';
    const text = type === 's' ? (shared[Number(value)] ?? '') : type === 'inlineStr' ? [...m[2].matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('') : value;
    const chars = Math.max(...text.split(/\n/).map((line) => line.length));
    const index = columnIndex(column);
    longest.set(index, Math.max(longest.get(index) ?? 0, chars));
  }
  const cols = [...longest]
    .sort(([a], [b]) => a - b)
    .map(([index, chars]) => `<col min="${index}" max="${index}" width="${Math.min(255, Math.max(10, Math.ceil(chars * 1.2) + 2))}" customWidth="1"/>`)
    .join('');
  const withoutCols = xml.replace(/<cols>[\s\S]*?<\/cols>/, '');
  return cols ? withoutCols.replace(/<sheetData\b/, `<cols>${cols}</cols><sheetData`) : withoutCols;
}

const COMMENTS_SHEET = 'Opmerkingen bij cellen';
const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** `target` of a relationship in `relsOf` resolved to a path in the package. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.') parts.push(step);
  }
  return parts.join('/');
}

function relationships(entries: Entries, part: string): Array<{ id: string; type: string; target: string }> {
  const rels = entries[part.replace(/([^/]+)$/, '_rels/$1.rels')];
  if (!rels) return [];
  return [...strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: /\bId="([^"]*)"/.exec(m[0])?.[1] ?? '',
    type: /\bType="([^"]*)"/.exec(m[0])?.[1] ?? '',
    target: resolvePart(part, /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? ''),
  }));
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;

/**
 * Cell comments (notes) on a sheet of their own at the end of the workbook: sheet, cell, author,
 * text. LibreOffice's PDF export does not print them, and written into the cells they would change
 * the data. Returns how many there were. Text and names stay XML-escaped as in the source.
 */
function addCommentsSheet(entries: Entries, out: Entries): number {
  const workbook = strFromU8(out['xl/workbook.xml']!);
  const sheetPaths = new Map(relationships(entries, 'xl/workbook.xml').map((r) => [r.id, r.target]));
  const rows: string[][] = [];
  for (const sheet of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(sheet[0])?.[1] ?? '';
    const path = sheetPaths.get(/\br:id="([^"]*)"/.exec(sheet[0])?.[1] ?? '');
    const commentsPart = path && relationships(entries, path).find((r) => r.type.endsWith('/comments'))?.target;
    const xml = commentsPart && entries[commentsPart] ? strFromU8(entries[commentsPart]) : '';
    const authors = [...xml.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]!);
    for (const c of xml.matchAll(/<comment\b([^>]*)>([\s\S]*?)<\/comment>/g)) {
      const ref = /\bref="([^"]*)"/.exec(c[1]!)?.[1] ?? '';
      const author = authors[Number(/\bauthorId="(\d+)"/.exec(c[1]!)?.[1])] ?? '';
      rows.push([name, ref, author, [...c[2]!.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('')]);
    }
  }
  if (!rows.length) return 0;
  const data = [['Werkblad', 'Cel', 'Auteur', 'Opmerking'], ...rows]
    .map((row, r) => `<row r="${r + 1}">${row.map((text, c) => cell(`${String.fromCharCode(65 + c)}${r + 1}`, text)).join('')}</row>`)
    .join('');
  out['xl/worksheets/woo-comments.xml'] = strToU8(widenColumns(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${SHEET_NS}"><sheetData>${data}</sheetData></worksheet>`, []));
  out['xl/workbook.xml'] = strToU8(workbook.replace('</sheets>', `<sheet name="${COMMENTS_SHEET}" sheetId="32000" r:id="rIdWooComments" xmlns:r="${RELS}"/></sheets>`));
  const rels = strFromU8(out['xl/_rels/workbook.xml.rels']!);
  out['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace('</Relationships>', `<Relationship Id="rIdWooComments" Type="${RELS}/worksheet" Target="worksheets/woo-comments.xml"/></Relationships>`));
  const types = strFromU8(out['[Content_Types].xml']!);
  out['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/xl/worksheets/woo-comments.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  return rows.length;
}

function editExcel(entries: Entries): Edit {
  const out: Entries = { ...entries };
  const notes: string[] = [];
  const workbookXml = entries['xl/workbook.xml'];
  if (workbookXml) {
    let xml = strFromU8(workbookXml);
    const hiddenSheets = [...xml.matchAll(/<sheet\b[^>]*\bstate="(?:hidden|veryHidden)"[^>]*>/g)].map((m) => /name="([^"]*)"/.exec(m[0])?.[1] ?? '?');
    xml = xml.replace(/(<sheet\b[^>]*?)\s+state="(?:hidden|veryHidden)"/g, '$1');
    const printAreas = count(xml, /<definedName\b[^>]*name="_xlnm\.Print_Area"[^>]*>[^<]*<\/definedName>/g);
    xml = xml.replace(/<definedName\b[^>]*name="_xlnm\.Print_Area"[^>]*>[^<]*<\/definedName>/g, '');
    out['xl/workbook.xml'] = strToU8(xml);
    if (hiddenSheets.length) notes.push(`verborgen werkblad(en) zichtbaar gemaakt: ${hiddenSheets.join(', ')}`);
    if (printAreas) notes.push(`afdrukbereik verwijderd, zodat het hele werkblad wordt getoond (${printAreas}×)`);
  }
  let rows = 0;
  let columns = 0;
  const shared = sharedStrings(entries);
  for (const name of Object.keys(entries)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      let xml = strFromU8(entries[name]!);
      rows += count(xml, /<row\b[^>]*\shidden="(?:1|true)"/g);
      columns += count(xml, /<col\b[^>]*\shidden="(?:1|true)"/g);
      xml = xml
        .replace(/(<row\b[^>]*?)\shidden="(?:1|true)"/g, '$1')
        // a row of height 0 hides as well as the hidden flag does (columns: widenColumns)
        .replace(/(<row\b[^>]*\sht=")0(?:\.0+)?"/g, '$115"')
        .replace(/(<sheetFormatPr\b[^>]*?)\szeroHeight="(?:1|true)"/g, '$1');
      xml = widenColumns(xml, shared);
      out[name] = strToU8(xml);
    }
  }
  const comments = addCommentsSheet(entries, out);
  if (rows) notes.push(`${rows} verborgen rij(en) zichtbaar gemaakt`);
  if (columns) notes.push(`${columns} verborgen kolom(men) zichtbaar gemaakt`);
  if (comments) notes.push(`${comments} opmerking(en) bij cellen op een extra werkblad "${COMMENTS_SHEET}" gezet`);
  return { entries: out, notes };
}

function editPowerPoint(entries: Entries): Edit {
  const out: Entries = { ...entries };
  let hiddenSlides = 0;
  for (const name of Object.keys(entries)) {
    if (!/^ppt\/slides\/slide\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(entries[name]!);
    if (/<p:sld\b[^>]*\sshow="(?:0|false)"/.test(xml)) {
      hiddenSlides++;
      out[name] = strToU8(xml.replace(/(<p:sld\b[^>]*?)\sshow="(?:0|false)"/, '$1'));
    }
  }
  const notes = hiddenSlides ? [`${hiddenSlides} verborgen dia('s) zichtbaar gemaakt`] : [];
  if (Object.keys(entries).some((n) => /^ppt\/notesSlides\//.test(n))) notes.push('notities bij de dia\'s zijn als extra pagina\'s opgenomen');
  const comments = Object.keys(entries).filter((n) => /^ppt\/comments\/[^/]+\.xml$/.test(n)).reduce((sum, n) => sum + count(strFromU8(entries[n]!), /<p:cm\b/g), 0);
  if (comments) notes.push(`${comments} opmerking(en) bij dia's niet in de PDF: controleer ze in het origineel`);
  return { entries: out, notes };
}

/** Relationships to outside the package (linked images, OLE links, external workbooks) are
 * removed, hyperlinks kept (they are text, never followed); macro projects are removed. */
function cutExternal(entries: Entries): Edit {
  const out: Entries = {};
  let links = 0;
  let macros = 0;
  for (const [name, bytes] of Object.entries(entries)) {
    if (/(^|\/)vbaProject\.bin$|(^|\/)vbaData\.xml$/i.test(name)) {
      macros++;
      continue;
    }
    if (name.endsWith('.rels')) {
      const xml = strFromU8(bytes);
      const external = /<Relationship\b(?=[^>]*TargetMode="External")(?![^>]*\/hyperlink")[^>]*\/>/g;
      links += count(xml, external);
      out[name] = strToU8(xml.replace(external, ''));
      continue;
    }
    out[name] = bytes;
  }
  const notes: string[] = [];
  if (links) notes.push(`${links} externe koppeling(en) niet opgehaald`);
  if (macros) notes.push('macro\'s verwijderd (nooit uitgevoerd)');
  return { entries: out, notes };
}

/** The package edited so that everything hidden is shown; undefined when it is no OOXML package. */
export function unhideOoxml(entries: Entries): Edit | undefined {
  if (!entries['[Content_Types].xml']) return undefined;
  const safe = cutExternal(entries);
  const edit = entries['word/document.xml'] ? editWord : entries['xl/workbook.xml'] ? editExcel : entries['ppt/presentation.xml'] ? editPowerPoint : undefined;
  if (!edit) return safe;
  const shown = edit(safe.entries);
  return { entries: shown.entries, notes: [...shown.notes, ...safe.notes] };
}
