import { normaliseText, wholeWordCounter } from '@woo/core';

/* Whether a free text (a batch name, shown to a publisher) names something a redaction takes
 * away: whole words, any case, as the export's verifier searches the published text. */

export function namesRemovedText(text: string, removed: readonly string[]): boolean {
  const count = wholeWordCounter(normaliseText(text));
  return removed.some((r) => {
    const needle = normaliseText(r);
    return needle !== '' && count(needle) > 0;
  });
}
