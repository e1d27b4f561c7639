/**
 * Errors as the workbench answers them: always `{ "error": "..." }`. A body
 * Fastify cannot parse (not JSON, empty, over the limit, another media type)
 * is the client's mistake, so 400 with a plain message, never 413 or 415.
 */
import type { FastifyError, FastifyInstance } from 'fastify';

export const bodyLimitBytes = 1024 * 1024;

function clientError(e: FastifyError): string | null {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `the request body is over ${bodyLimitBytes / 1024 / 1024} MB`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the body as JSON (Content-Type: application/json)';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the request body is empty: send a JSON object';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return `the request body is not valid JSON (${e.message})`;
    default:
      return e instanceof SyntaxError ? `the request body is not valid JSON (${e.message})` : null;
  }
}

export function answerErrorsAsJson(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, _request, reply) => {
    const message = clientError(error);
    if (message !== null) return reply.code(400).send({ error: message });
    return reply
      .code(error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 500)
      .send({ error: error.message });
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({ error: `nothing at ${request.method} ${request.url}` }),
  );
}
