/**
 * Tokeniser for the name rules. Keeps character offsets into the original text and knows the
 * shapes Dutch names take in PDF-extracted text:
 *  - initials as one token ("J.P.", "Th.", "Y.R."), not when glued to a word ("P&O.");
 *  - "'t" as in "in 't Veld"; hyphenated names ("Gerrit-Jan", "Tjon-A-Loi", "Groot-van");
 *  - words hyphenated at a line end ("Wijn-\ngaarden") as one token whose key drops the break;
 *  - markup left by HTML-derived text (<p>, <b>, **) as boundaries; masked entities as boundaries.
 */
import { fold } from '../lexicon/fold.js';
import { HONORIFICS, PARTICLES, WORD_HONORIFICS } from '../lexicon/words.js';
import { MASK_CHAR } from '../recognizers/util.js';

export type TokenKind = 'word' | 'initials' | 'number' | 'punct' | 'newline' | 'tab' | 'page' | 'mask' | 'tag';

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /** Folded lookup key; line-end hyphenation and a possessive 's removed. */
  readonly key: string;
  /** Capitalised word with lowercase letters after the first ("Jansen", "El", "Öztürk"). */
  readonly title: boolean;
  /** All capitals, two letters or more ("JANSEN"). */
  readonly caps: boolean;
  readonly particle: boolean;
  /** dhr. / mevr. / mr. / de heer / mevrouw: the dot (if any) is part of the token. */
  readonly honorific: boolean;
  /** First token of a sentence, line, table cell or list item: capitalisation says little there. */
  sentStart: boolean;
  /** First token of a line (or table cell). */
  lineStart: boolean;
}

const WORD_PART = String.raw`[\p{L}\p{M}](?:[\p{L}\p{M}]|['’](?=\p{L}))*`;
// numbered groups in this order (named groups cost an object per match): 1 tag, 2 mask, 3 initials,
// 4 't, 5 word, 6 number, 7 newline, 8 tab, 9 form feed, else punctuation
const TOKEN_RE = new RegExp(
  [
    String.raw`(<\/?[a-zA-Z][^<>\n]{0,80}>)`,
    `(${MASK_CHAR}+)`,
    String.raw`((?:(?:Th|Chr|Ch|Ph|Sj|IJ|Ij)\.|\p{Lu}\.){1,6}(?:\p{Lu}(?![\p{L}.]))?)`,
    String.raw`(['’]t(?![\p{L}]))`,
    `(${WORD_PART}(?:(?:-\\n?|‐)${WORD_PART})*)`,
    String.raw`(\d+(?:[.,:]\d+)*)`,
    String.raw`(\n)`,
    String.raw`(\t)`,
    String.raw`(\f)`,
    String.raw`[^\s\p{L}\d]`,
  ].join('|'),
  'gu',
);
const KINDS: readonly TokenKind[] = ['punct', 'tag', 'mask', 'initials', 'word', 'word', 'number', 'newline', 'tab', 'page'];

/** Tags that end a block in HTML-derived text: what follows starts a new line. */
const BLOCK_TAG = /^<\/?(?:p|li|ul|ol|br|div|tr|td|th|table|h\d|blockquote)\b/i;
/** Punctuation after which the next word starts a sentence or an item. */
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '•', '*', '-', '–', '—', '(', '"', '“', '„', '#', '>', '|', '/', '[']);
/** Abbreviations whose dot does not end a sentence. */
const ABBREVIATIONS = new Set(['bijv', 'o.a', 'i.v.m', 't.a.v', 'n.a.v', 'm.b.t', 'z.s.m', 'enz', 'etc', 'ca', 'nr', 'tel', 'resp', 'evt', 'incl', 'excl', 'mob', 'vs', 'st', 'jl', 'a.s', 'm.i.v', 'n.t.b', 'i.o.m', 'd.d', 'p.p']);

function titleCase(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) {
    if (c < 65 || c > 90) return false;
    for (let i = 1; i < s.length; i++) {
      const d = s.charCodeAt(i);
      if (d >= 97 && d <= 122) return true;
      if (d >= 128) return /\p{Ll}/u.test(s.slice(i));
    }
    return false;
  }
  return /^\p{Lu}/u.test(s) && /\p{Ll}/u.test(s);
}

function hasLower(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i);
    if (d >= 97 && d <= 122) return true;
    if (d >= 128) return /\p{Ll}/u.test(s.slice(i));
  }
  return false;
}

/** Characters that make keyOf do more than fold: hyphens (line-end hyphenation), a possessive. */
const KEY_SPECIAL = /[-‐'’]/;

function keyOf(text: string): string {
  if (!KEY_SPECIAL.test(text)) return fold(text);
  // "Wijn-\ngaarden" → "wijngaarden"; "Gerrit-\nJan" keeps its hyphen; "Fatima's" → "fatima"
  const joined = text.replace(/-\n(?=\p{Ll})/gu, '').replace(/-\n/g, '-').replace(/‐/g, '-');
  return fold(joined.replace(/['’]s$/u, ''));
}

export function tokenize(text: string): Token[] {
  const raw: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const s = m[0];
    let g = 1;
    while (g <= 9 && m[g] === undefined) g++;
    const kind = KINDS[g === 10 ? 0 : g]!;
    const word = kind === 'word';
    const key = word ? keyOf(s) : s.length === 1 && s.charCodeAt(0) < 128 ? s : s.toLowerCase();
    raw.push({
      text: s,
      start: m.index,
      end: m.index + s.length,
      kind,
      key,
      title: word && titleCase(s),
      caps: word && s.length >= 2 && !hasLower(s),
      particle: word && PARTICLES.has(key),
      honorific: false,
      sentStart: false,
      lineStart: false,
    });
  }
  return mergeDots(text, raw);
}

/** Join "dhr" + "." into one honorific token and known abbreviations with their dot; a lone
 * capital + "." that the initials pattern missed (before a line break) becomes an initial. */
function mergeDots(text: string, raw: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const next = raw[i + 1];
    const dot = next !== undefined && next.text === '.' && next.start === t.end;
    if (t.kind === 'word' && dot && HONORIFICS.has(t.key) && !WORD_HONORIFICS.has(t.key)) {
      out.push({ ...t, text: text.slice(t.start, next.end), end: next.end, honorific: true });
      i++;
    } else if (t.kind === 'word' && WORD_HONORIFICS.has(t.key)) {
      out.push({ ...t, honorific: true });
    } else if (t.kind === 'word' && dot && ABBREVIATIONS.has(t.key)) {
      out.push({ ...t, text: text.slice(t.start, next.end), end: next.end, kind: 'punct', key: `${t.key}.` });
      i++;
    } else {
      out.push(t);
    }
  }
  markStarts(out);
  return out;
}

/** A line of running text that wraps without sentence-final punctuation has at least this many
 * words; shorter lines are list items, table cells or headings, after which a new item starts. */
const WRAPPED_LINE_WORDS = 8;

function markStarts(tokens: Token[]): void {
  let sent = true;
  let line = true;
  let lineWords = 0;
  let prev: Token | undefined;
  for (const t of tokens) {
    if (t.kind === 'tag') {
      if (BLOCK_TAG.test(t.text)) sent = line = true;
      continue; // inline tags (<b>, <i>) are transparent
    }
    t.sentStart = sent;
    t.lineStart = line;
    if (t.kind === 'word') lineWords++;
    if (t.kind === 'newline') {
      // a PDF line break inside a paragraph ("Kun jij\nGerrit laten weten") does not start a sentence
      const wrapped = lineWords >= WRAPPED_LINE_WORDS && prev?.kind === 'word' && /^\p{Ll}/u.test(prev.text);
      sent = !wrapped;
      line = true;
      lineWords = 0;
    } else if (t.kind === 'page' || t.kind === 'tab') {
      sent = line = true;
      if (t.kind === 'page') lineWords = 0;
    } else if (t.kind === 'punct') {
      sent = SENTENCE_END.has(t.text) || (sent && t.text === '*');
      line = line && (t.text === '*' || t.text === '#' || t.text === '-' || t.text === '•' || t.text === '>');
    } else {
      sent = line = false;
    }
    prev = t;
  }
}

/** Folded text of tokens s..e (inclusive), words separated by single spaces. */
export function keyOfSpan(tokens: readonly Token[], s: number, e: number): string {
  const parts: string[] = [];
  for (let i = s; i <= e; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word' || t.kind === 'initials') parts.push(t.key);
  }
  return parts.join(' ');
}
