/** The document properties of every export (the verifier accepts nothing else): a title given by
 * the caller (a neutral title, checked by the verifier for removed text like the text layer), and
 * the producer. */
export const OUTPUT_PRODUCER = 'woo-redact';
/** The title when the caller gives none. */
export const DEFAULT_TITLE = 'Document';
/** The language of the published text, for screen readers and search. */
export const OUTPUT_LANGUAGE = 'nl-NL';
