import { ConflictError, DatabaseUnavailableError } from '@woo/db';
import type { FastifyError, FastifyInstance } from 'fastify';
import { validationMessage } from './validation.js';

/** An error whose (Dutch) message is meant for the API client as it is. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Dutch messages for what Fastify and its plugins throw; their own (English, technical) messages
 * never reach the client. */
function clientMessage(err: FastifyError, statusCode: number, maxFiles: number): string {
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) return 'Ongeldig verzoek: de inhoud is geen geldige JSON.';
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'Ongeldig verzoek: de inhoud is leeg, maar het inhoudstype is JSON.';
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'De inhoud van het verzoek is te groot (hooguit 1 MB; bestanden gaan als multipart/form-data).';
  switch (statusCode) {
    case 413:
      return `Het verzoek is te groot (te veel bestanden of velden in één keer; hooguit ${maxFiles} bestanden per upload).`;
    case 415:
      return 'Dit inhoudstype wordt hier niet ondersteund; stuur JSON (application/json) of bestanden als multipart/form-data.';
    case 404:
      return 'Niet gevonden.';
    default:
      return 'Ongeldig verzoek.';
  }
}

/** Turns what handlers throw into the API's error shape with a Dutch message; technical detail
 * of unexpected errors goes to the log only. */
export function installErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler((err: FastifyError, request, reply) => {
    const send = (statusCode: number, message: string) => reply.code(statusCode).send({ statusCode, error: REASONS[statusCode] ?? 'Error', message });
    if (err instanceof ConflictError) return send(409, err.message);
    if (err instanceof HttpError) return send(err.statusCode, err.message);
    if (err instanceof DatabaseUnavailableError) {
      request.log.warn({ err }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(503, 'De database is tijdelijk niet bereikbaar. Probeer het over een ogenblik opnieuw; er is niets opgeslagen.');
    }
    if (err.validation) return send(400, validationMessage(err.validation, err.validationContext));
    const statusCode = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (statusCode === 500) {
      request.log.error({ err }, 'request failed');
      return send(500, 'Interne fout; de details staan in het logboek van de server.');
    }
    request.log.info({ err }, 'request refused');
    return send(statusCode, clientMessage(err, statusCode, request.server.config.maxFilesPerUpload));
  });
  fastify.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Onbekend adres: ${request.method} ${request.url.split('?')[0]}` }),
  );
}

export function notFound(what: string) {
  return { statusCode: 404, error: 'Not Found', message: `${what} bestaat niet.` } as const;
}
