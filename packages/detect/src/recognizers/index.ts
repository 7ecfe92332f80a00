/** Structured recognizers, in the order they run: each masks what it finds, so IBAN and BSN digits
 * never reach the phone recognizer and an e-mail address never reaches the name rules. */
import type { Recognizer } from '../types.js';
import { emailRecognizer } from './email.js';
import { urlRecognizer } from './url.js';
import { ibanRecognizer } from './iban.js';
import { bsnRecognizer } from './bsn.js';
import { birthdateRecognizer } from './birthdate.js';
import { plateRecognizer } from './plate.js';
import { phoneRecognizer } from './phone.js';
import { addressRecognizer } from './address.js';

export const RECOGNIZERS: readonly Recognizer[] = [
  emailRecognizer,
  urlRecognizer,
  ibanRecognizer,
  bsnRecognizer,
  birthdateRecognizer,
  plateRecognizer,
  phoneRecognizer,
  addressRecognizer,
];

export { emailRecognizer, urlRecognizer, ibanRecognizer, bsnRecognizer, birthdateRecognizer, plateRecognizer, phoneRecognizer, addressRecognizer };
export { learnOrgDomains, localPartTokens } from './email.js';
export { isValidBsn } from './bsn.js';
export { MASK_CHAR } from './util.js';
