/* OCR without a model for a letter with a diacritic often reads a symbol for it: "Babi¢" for
 * "Babić", "Ł" read as "£". Inside a word such a symbol is that letter, so the word is
 * read as the name it is. One character for one, so every offset into the text stays valid. */

const LETTER_FOR: Readonly<Record<string, string>> = { '¢': 'c', '©': 'c', '£': 'l', '€': 'e' };

/** The text with symbols that follow a letter read as the letter OCR took them for. */
export function withMisreadLetters(text: string): string {
  return text.replace(/(?<=\p{L})[¢©£€]/gu, (symbol) => LETTER_FOR[symbol]!);
}
