/* Whether a free text (a batch name, shown to a publisher) names something a redaction takes
 * away: whole words, any case, as the export's verifier searches the published text. */

const normalise = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function namesRemovedText(text: string, removed: readonly string[]): boolean {
  const haystack = normalise(text);
  return removed.some((r) => {
    const needle = normalise(r);
    return needle !== '' && new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle)}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
  });
}
