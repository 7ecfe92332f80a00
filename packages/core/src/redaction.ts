import type { Box } from './geometry.js';
import type { GroundCode } from './grounds.js';

/** Kinds of personal data the detectors look for. */
export type Category =
  | 'name'
  | 'email'
  | 'phone'
  | 'bsn'
  | 'iban'
  | 'address'
  | 'birthdate'
  | 'licenseplate'
  | 'url'
  | 'manual';

/** Dutch labels for reports and the review screen. */
export const CATEGORY_LABELS: Record<Category, string> = {
  name: 'naam',
  email: 'e-mailadres',
  phone: 'telefoonnummer',
  bsn: 'BSN',
  iban: 'IBAN',
  address: 'adres',
  birthdate: 'geboortedatum',
  licenseplate: 'kenteken',
  url: 'webadres',
  manual: 'handmatig',
};

/** A piece of personal data found in a text, as character offsets into that text. */
export interface Detection {
  start: number;
  end: number;
  text: string;
  category: Category;
  /** 0..1: how sure the detector is. Low-confidence detections are flagged for review. */
  confidence: number;
  /** Which recognizer and rule found it, e.g. "name/initials+surname". */
  detector: string;
  /** Short Dutch explanation for the reviewer ("voornaam + achternaam"). */
  explanation: string;
}

export type RedactionStatus = 'suggested' | 'accepted' | 'rejected' | 'manual';

/** A detection placed on a page: what the export blacks out. */
export interface Redaction {
  id: string;
  page: number;
  boxes: Box[];
  text: string;
  category: Category;
  ground: GroundCode;
  confidence: number;
  detector: string;
  explanation: string;
  status: RedactionStatus;
  /** Set when the detector is unsure (weak name candidate, low OCR confidence): a reviewer should look. */
  needsReview: boolean;
}

/** Redactions the export must black out. */
export function isApplied(r: Redaction): boolean {
  return r.status === 'accepted' || r.status === 'manual';
}
