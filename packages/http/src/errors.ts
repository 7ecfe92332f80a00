import { ConflictError, DatabaseUnavailableError } from '@woo/db';
import type { FastifyError, FastifyInstance } from 'fastify';

/** Turns what handlers throw into the API's error shape with a Dutch message; technical detail
 * of unexpected errors goes to the log only. */
export function installErrorHandler(fastify: FastifyInstance): void {
  fastify.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof ConflictError) {
      return reply.code(409).send({ statusCode: 409, error: 'Conflict', message: err.message });
    }
    if (err instanceof DatabaseUnavailableError) {
      request.log.warn({ err }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ statusCode: 503, error: 'Service Unavailable', message: 'De database is tijdelijk niet bereikbaar. Probeer het over een ogenblik opnieuw; er is niets opgeslagen.' });
    }
    if (err.validation) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `Ongeldig verzoek: ${err.message}` });
    }
    const statusCode = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (statusCode === 413) {
      return reply.code(413).send({
        statusCode,
        error: 'Payload Too Large',
        message: `Het verzoek is te groot (te veel bestanden of velden in één keer; hooguit ${request.server.config.maxFilesPerUpload} bestanden per upload).`,
      });
    }
    if (statusCode === 500) {
      request.log.error({ err }, 'request failed');
      return reply.code(500).send({ statusCode, error: 'Internal Server Error', message: 'Interne fout; de details staan in het logboek van de server.' });
    }
    return reply.code(statusCode).send({ statusCode, error: err.code ?? 'Error', message: err.message });
  });
  fastify.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Onbekend adres: ${request.method} ${request.url.split('?')[0]}` }),
  );
}

export function notFound(what: string) {
  return { statusCode: 404, error: 'Not Found', message: `${what} bestaat niet.` } as const;
}
