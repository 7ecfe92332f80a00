/**
 * E-mail addresses. At the organisation's own domain only the local part is personal data: the
 * published document keeps "@amsterdam.nl" visible ("[5.1.2e]@amsterdam.nl"). Other domains
 * (gmail, a citizen's own domain) are redacted whole.
 * Organisation domains come from the options, or are learned from the text: a domain used by two
 * or more different addresses, or an address in a Van/Aan/CC header line, unless it is a mail provider.
 */
import type { Finding, Recognizer, RecognizerContext } from '../types.js';
import { fold } from '../lexicon/fold.js';
import { HEADER_LABELS } from '../lexicon/words.js';
import { fieldLabel, finding } from './util.js';

/** A line break next to the '@' ("jan.jansen@" at a line end, "amsterdam.nl" on the next line):
 * layout breaks an address there, the address is still one. */
const WRAP = '(?:[ \\t]*\\n[ \\t]*)?';
const EMAIL_RE = new RegExp(
  `(?<![\\p{L}\\d._%+-])([\\p{L}\\d](?:[\\p{L}\\d._%+'-]*[\\p{L}\\d_])?)${WRAP}@${WRAP}((?:[a-z\\d](?:[a-z\\d-]*[a-z\\d])?\\.)+[a-z]{2,24})(?![\\p{L}\\d-]|\\.[a-z\\d])`,
  'giu',
);

/** Characters of a local part (the class of EMAIL_RE's local part). */
const LOCAL_CHAR = /[\p{L}\d._%+'-]/u;
const EMAIL_AT = new RegExp(EMAIL_RE.source, 'iuy');

/** The matches of EMAIL_RE, found from the '@' signs: the regexp alone tries every word start of
 * the text, which made the e-mail scans a tenth of the detector's time. Same matches, same order. */
export function emailMatches(text: string): RegExpExecArray[] {
  if (cachedText === text) return cachedMatches;
  const out: RegExpExecArray[] = [];
  let pos = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, pos))) {
    // a match holding this '@' starts in the run of local-part characters before it
    let runStart = at;
    // an address broken just before its '@'
    const wrap = /[ \t]*\n[ \t]*$/.exec(text.slice(Math.max(pos, at - 16), at));
    if (wrap) runStart -= wrap[0].length;
    while (runStart > pos && at - runStart < 256 && LOCAL_CHAR.test(text[runStart - 1]!)) runStart--;
    for (let s = runStart; s < at; s++) {
      EMAIL_AT.lastIndex = s;
      const m = EMAIL_AT.exec(text);
      if (m) {
        out.push(m);
        pos = m.index + m[0].length;
        break;
      }
    }
  }
  cachedText = text;
  cachedMatches = out;
  return out;
}
let cachedText: string | undefined;
let cachedMatches: RegExpExecArray[] = [];

/** Mail providers: many unrelated people share them, so they are never the organisation's domain. */
const PROVIDERS = new Set(
  `gmail.com googlemail.com hotmail.com hotmail.nl live.nl live.com outlook.com outlook.nl msn.com yahoo.com yahoo.nl
icloud.com me.com ziggo.nl kpnmail.nl kpnplanet.nl planet.nl xs4all.nl home.nl hetnet.nl chello.nl quicknet.nl
casema.nl upcmail.nl telfort.nl tele2.nl online.nl caiway.nl zeelandnet.nl proton.me protonmail.com gmx.com gmx.net
aol.com mail.com`.split(/\s+/),
);

/** Local parts of shared mailboxes: not a person ("info@", "woo@"). */
const FUNCTIONAL = /^(info|contact|post|postbus|secretariaat|receptie|balie|helpdesk|servicedesk|support|klantenservice|administratie|noreply|no-reply|donotreply|woo|wob|pers|persvoorlichting|communicatie|redactie|bestuurssecretariaat|griffie|gemeente|team[\w.-]*|afdeling[\w.-]*|bureau[\w.-]*|privacy|fg|klachten|meldpunt|webmaster|postmaster|facturen|factuur|crediteuren|debiteuren|inkoop|hr|personeelszaken|vacatures|subsidies|vergunningen|handhaving)$/i;

export function isOrgDomain(domain: string, orgDomains: ReadonlySet<string>): boolean {
  const d = fold(domain);
  for (const o of orgDomains) if (d === o || d.endsWith(`.${o}`)) return true;
  return false;
}

/** Domains the text itself shows to be the organisation's. */
export function learnOrgDomains(text: string): Set<string> {
  const locals = new Map<string, Set<string>>();
  const learned = new Set<string>();
  for (const m of emailMatches(text)) {
    const domain = fold(m[2]!);
    if (PROVIDERS.has(domain)) continue;
    const set = locals.get(domain) ?? new Set<string>();
    set.add(fold(m[1]!));
    locals.set(domain, set);
    const label = fieldLabel(text, m.index);
    if (label && HEADER_LABELS.has(label)) learned.add(domain);
  }
  for (const [domain, set] of locals) if (set.size >= 2) learned.add(domain);
  return learned;
}

/** Name-like pieces of a local part ("s.vandenberg" → "vandenberg"): they support name candidates. */
export function localPartTokens(local: string): string[] {
  return local
    .split(/[._\-+\d]+/)
    .filter((p) => p.length >= 3 && !FUNCTIONAL.test(p))
    .map(fold);
}

export const emailRecognizer: Recognizer = {
  name: 'email',
  category: 'email',
  context: [],
  find(text: string, ctx: RecognizerContext): Finding[] {
    const out: Finding[] = [];
    for (const m of emailMatches(text)) {
      const local = m[1]!;
      const domain = m[2]!;
      const start = m.index;
      const end = start + m[0].length;
      if (FUNCTIONAL.test(local) && !PROVIDERS.has(fold(domain))) continue; // shared mailbox, not a person
      if (isOrgDomain(domain, ctx.orgDomains)) {
        out.push(
          finding(text, start, start + local.length, 'email', 'email/local-part', 0.95, `e-mailadres (alleen het deel vóór @${domain})`, [start, end]),
        );
      } else {
        out.push(finding(text, start, end, 'email', 'email/address', 0.95, 'e-mailadres'));
      }
    }
    return out;
  },
};
