/** The fixed, neutral document properties of every export (the verifier accepts nothing else). */
export const OUTPUT_TITLE = 'Gelakt document';
export const OUTPUT_PRODUCER = 'woo-redact';
