import type { FastifySchemaValidationError } from 'fastify';

const PART: Record<string, string> = { body: 'de inhoud', params: 'het adres', querystring: 'de zoekparameters', headers: 'de headers' };
const TYPES: Record<string, string> = { string: 'tekst', integer: 'een geheel getal', number: 'een getal', object: 'een object', array: 'een lijst', boolean: 'true of false' };

function field(path: string, part: string | undefined): string {
  const name = path.replace(/^\//, '').replace(/\//g, '.');
  return name ? `'${name}'` : (PART[part ?? ''] ?? 'het verzoek');
}

function describe(e: FastifySchemaValidationError, part: string | undefined): string {
  const p = e.params as Record<string, unknown>;
  const f = field(e.instancePath, part);
  switch (e.keyword) {
    case 'required':
      return `het veld '${[e.instancePath.replace(/^\//, '').replace(/\//g, '.'), p.missingProperty].filter(Boolean).join('.')}' ontbreekt`;
    case 'additionalProperties':
      return `het veld '${String(p.additionalProperty)}' is onbekend`;
    case 'enum':
      return `${f} moet een van deze waarden zijn: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `${f} moet '${String(p.allowedValue)}' zijn`;
    case 'type':
      return `${f} moet ${TYPES[String(p.type)] ?? String(p.type)} zijn`;
    case 'format':
      return p.format === 'uuid' ? `${f} is geen geldig id` : `${f} heeft niet de vorm ${String(p.format)}`;
    case 'pattern':
      return `${f} heeft een ongeldige vorm`;
    case 'minLength':
      return `${f} moet minstens ${String(p.limit)} teken(s) lang zijn`;
    case 'maxLength':
      return `${f} mag hooguit ${String(p.limit)} tekens lang zijn`;
    case 'minItems':
      return `${f} moet minstens ${String(p.limit)} element(en) bevatten`;
    case 'maxItems':
      return `${f} mag hooguit ${String(p.limit)} elementen bevatten`;
    case 'minProperties':
      return `${f} moet minstens ${String(p.limit)} veld(en) bevatten`;
    case 'minimum':
      return `${f} moet minstens ${String(p.limit)} zijn`;
    case 'exclusiveMinimum':
      return `${f} moet groter zijn dan ${String(p.limit)}`;
    case 'maximum':
      return `${f} mag hooguit ${String(p.limit)} zijn`;
    case 'anyOf':
    case 'oneOf':
      return `${f} past bij geen van de toegestane vormen`;
    default:
      return `${f} is ongeldig`;
  }
}

/** The most telling validation problem as a Dutch sentence; Ajv's own (English) text is never
 * shown. A wrong choice from a list (such as a ground) names the allowed values; otherwise, for a
 * choice between shapes (anyOf), the alternatives' own complaints would only confuse. */
export function validationMessage(errors: readonly FastifySchemaValidationError[], part: string | undefined): string {
  const first = errors.find((e) => e.keyword === 'enum') ?? errors.find((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf') ?? errors[0];
  return first ? `Ongeldig verzoek: ${describe(first, part)}.` : 'Ongeldig verzoek.';
}
