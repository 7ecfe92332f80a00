/** The refusal grounds of the Woo (art. 5.1 and 5.2), with the short codes used on redaction boxes.
 * Personal data is 5.1.2e; the others are here so a reviewer can change the ground of a box. */
export interface WooGround {
  code: string;
  article: string;
  /** Dutch description as it appears in a Woo decision. */
  description: string;
}

export const WOO_GROUNDS = [
  { code: '5.1.1a', article: 'art. 5.1 lid 1 sub a Woo', description: 'Eenheid van de Kroon' },
  { code: '5.1.1b', article: 'art. 5.1 lid 1 sub b Woo', description: 'Veiligheid van de Staat' },
  { code: '5.1.1c', article: 'art. 5.1 lid 1 sub c Woo', description: 'Vertrouwelijk verstrekte bedrijfs- en fabricagegegevens' },
  { code: '5.1.1d', article: 'art. 5.1 lid 1 sub d Woo', description: 'Bijzondere persoonsgegevens' },
  { code: '5.1.1e', article: 'art. 5.1 lid 1 sub e Woo', description: 'Nationale identificatienummers' },
  { code: '5.1.2a', article: 'art. 5.1 lid 2 sub a Woo', description: 'Betrekkingen met andere staten en internationale organisaties' },
  { code: '5.1.2b', article: 'art. 5.1 lid 2 sub b Woo', description: 'Economische of financiële belangen van de Staat' },
  { code: '5.1.2c', article: 'art. 5.1 lid 2 sub c Woo', description: 'Opsporing en vervolging van strafbare feiten' },
  { code: '5.1.2d', article: 'art. 5.1 lid 2 sub d Woo', description: 'Inspectie, controle en toezicht door bestuursorganen' },
  { code: '5.1.2e', article: 'art. 5.1 lid 2 sub e Woo', description: 'Eerbiediging van de persoonlijke levenssfeer' },
  { code: '5.1.2f', article: 'art. 5.1 lid 2 sub f Woo', description: 'Concurrentiegevoelige bedrijfs- en fabricagegegevens' },
  { code: '5.1.2g', article: 'art. 5.1 lid 2 sub g Woo', description: 'Bescherming van het milieu' },
  { code: '5.1.2h', article: 'art. 5.1 lid 2 sub h Woo', description: 'Beveiliging van personen en bedrijven en voorkomen van sabotage' },
  { code: '5.1.2i', article: 'art. 5.1 lid 2 sub i Woo', description: 'Goed functioneren van de Staat of andere publiekrechtelijke lichamen' },
  { code: '5.1.5', article: 'art. 5.1 lid 5 Woo', description: 'Onevenredige benadeling' },
  { code: '5.2.1', article: 'art. 5.2 lid 1 Woo', description: 'Persoonlijke beleidsopvattingen in intern beraad' },
] as const satisfies readonly WooGround[];

export type GroundCode = (typeof WOO_GROUNDS)[number]['code'];

/** The ground for personal data: every box this tool suggests carries it. */
export const PERSONAL_DATA_GROUND: GroundCode = '5.1.2e';

export function isGroundCode(code: string): code is GroundCode {
  return WOO_GROUNDS.some((g) => g.code === code);
}

export function groundByCode(code: GroundCode): WooGround {
  const ground = WOO_GROUNDS.find((g) => g.code === code);
  if (!ground) throw new Error(`unknown Woo ground ${code}`);
  return ground;
}
