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
const TOKEN_RE = new RegExp(
  [
    String.raw`(?<tag><\/?[a-zA-Z][^<>\n]{0,80}>)`,
    `(?<mask>${MASK_CHAR}+)`,
    String.raw`(?<initials>(?:(?:Th|Chr|Ch|Ph|Sj|IJ|Ij)\.|\p{Lu}\.){1,6}(?:\p{Lu}(?![\p{L}.]))?)`,
    String.raw`(?<t>['’]t(?![\p{L}]))`,
    `(?<word>${WORD_PART}(?:(?:-\\n?|‐)${WORD_PART})*)`,
    String.raw`(?<number>\d+(?:[.,:]\d+)*)`,
    String.raw`(?<nl>\n)`,
    String.raw`(?<tab>\t)`,
    String.raw`(?<ff>\f)`,
    String.raw`(?<punct>[^\s\p{L}\d])`,
  ].join('|'),
  'gu',
);

/** Tags that end a block in HTML-derived text: what follows starts a new line. */
const BLOCK_TAG = /^<\/?(?:p|li|ul|ol|br|div|tr|td|th|table|h\d|blockquote)\b/i;
/** Punctuation after which the next word starts a sentence or an item. */
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '•', '*', '-', '–', '—', '(', '"', '“', '„', '#', '>', '|', '/', '[']);
/** Abbreviations whose dot does not end a sentence. */
const ABBREVIATIONS = new Set(['bijv', 'o.a', 'i.v.m', 't.a.v', 'n.a.v', 'm.b.t', 'z.s.m', 'enz', 'etc', 'ca', 'nr', 'tel', 'resp', 'evt', 'incl', 'excl', 'mob', 'vs', 'st', 'jl', 'a.s', 'm.i.v', 'n.t.b', 'i.o.m', 'd.d', 'p.p']);

function titleCase(s: string): boolean {
  return /^\p{Lu}/u.test(s) && /\p{Ll}/u.test(s);
}

function keyOf(text: string): string {
  // "Wijn-\ngaarden" → "wijngaarden"; "Gerrit-\nJan" keeps its hyphen; "Fatima's" → "fatima"
  const joined = text.replace(/-\n(?=\p{Ll})/gu, '').replace(/-\n/g, '-').replace(/‐/g, '-');
  return fold(joined.replace(/['’]s$/u, ''));
}

export function tokenize(text: string): Token[] {
  const raw: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const g = m.groups!;
    const s = m[0];
    const kind: TokenKind = g.tag
      ? 'tag'
      : g.mask
        ? 'mask'
        : g.initials
          ? 'initials'
          : g.t || g.word
            ? 'word'
            : g.number
              ? 'number'
              : g.nl
                ? 'newline'
                : g.tab
                  ? 'tab'
                  : g.ff
                    ? 'page'
                    : 'punct';
    const key = kind === 'word' ? keyOf(s) : s.toLowerCase();
    raw.push({
      text: s,
      start: m.index,
      end: m.index + s.length,
      kind,
      key,
      title: kind === 'word' && titleCase(s),
      caps: kind === 'word' && s.length >= 2 && !/\p{Ll}/u.test(s),
      particle: kind === 'word' && PARTICLES.has(key),
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

function markStarts(tokens: Token[]): void {
  let sent = true;
  let line = true;
  for (const t of tokens) {
    if (t.kind === 'tag') {
      if (BLOCK_TAG.test(t.text)) sent = line = true;
      continue; // inline tags (<b>, <i>) are transparent
    }
    t.sentStart = sent;
    t.lineStart = line;
    if (t.kind === 'newline' || t.kind === 'page' || t.kind === 'tab') {
      sent = line = true;
    } else if (t.kind === 'punct') {
      sent = SENTENCE_END.has(t.text) || (sent && t.text === '*');
      line = line && (t.text === '*' || t.text === '#' || t.text === '-' || t.text === '•' || t.text === '>');
    } else {
      sent = line = false;
    }
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
