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
  /** The primary ground: the one a single-ground box shows. */
  ground: GroundCode;
  /** Further grounds where the law allows more than one for the same passage (e.g. personal data
   * that also bears on the functioning of the State); absent or empty for one ground. */
  additionalGrounds?: GroundCode[];
  confidence: number;
  detector: string;
  explanation: string;
  status: RedactionStatus;
  /** Set when the detector is unsure (weak name candidate, low OCR confidence): a reviewer should look. */
  needsReview: boolean;
}

/** Redactions the export must black out. */
export function isApplied(r: Pick<Redaction, 'status'>): boolean {
  return r.status === 'accepted' || r.status === 'manual';
}

/** Every ground of a redaction, the primary first, each once. */
export function groundsOf(r: Pick<Redaction, 'ground' | 'additionalGrounds'>): GroundCode[] {
  return [...new Set([r.ground, ...(r.additionalGrounds ?? [])])];
}

/** The text on a box: its grounds joined, e.g. "5.1.2e; 5.1.2i". */
export function groundLabel(r: Pick<Redaction, 'ground' | 'additionalGrounds'>): string {
  return groundsOf(r).join('; ');
}
