/** Lowercase and strip diacritics, so "Öztürk", "Ozturk" and "ÖZTÜRK" meet in one lexicon key.
 * ı/ł/ø have no decomposition in Unicode and are mapped by hand. */
const SPECIAL: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', '’': "'" };
const SPECIAL_RE = /[ıłøđßæœ’]/g;

export function fold(s: string): string {
  const lower = s.toLowerCase();
  // fast path: plain ASCII needs no normalisation
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}
