/**
 * Typed HTTP errors and the one error handler. Every error leaves the server as
 * `{"error": {"code", "message"}}`; bad input is a 4xx with a message that says what was wrong,
 * and only a fault of ours becomes a 500 (logged, with a message that reveals nothing inside).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.headers = options?.headers ?? {};
  }

  readonly headers: Record<string, string>;
}

export const badRequest = (message: string, cause?: unknown): ApiError =>
  new ApiError(400, 'bad_request', message, cause === undefined ? undefined : { cause });
export const notFound = (message: string): ApiError => new ApiError(404, 'not_found', message);
export const payloadTooLarge = (limit: number): ApiError =>
  new ApiError(413, 'payload_too_large', `request body larger than the limit of ${limit} bytes`);
export const unsupportedMediaType = (message: string): ApiError => new ApiError(415, 'unsupported_media_type', message);

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** One line per zod issue: `limit: Too big: expected number to be <=200`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** Hono's `app.onError`: typed errors keep their status; anything else is our fault. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(errorBody(error.code, error.message), error.status);
  }
  if (error instanceof z.ZodError) return c.json(errorBody('bad_request', describeIssues(error)), 400);
  if (error instanceof HTTPException && error.status < 500) {
    // Thrown by Hono's own middleware (csrf, body parsing): same body shape as ours.
    const code = CODE_BY_STATUS[error.status] ?? 'bad_request';
    const message = error.message || error.res?.statusText || code.replace(/_/g, ' ');
    return c.json(errorBody(code, message), error.status);
  }
  console.error(`rashomon api: ${c.req.method} ${c.req.path} failed:`, error);
  return c.json(errorBody('internal', 'internal error; the server log has the details'), 500);
}
