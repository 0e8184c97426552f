/// <reference lib="dom" />
/** The app's only way to the server: same-origin GETs of JSON, with the API's errors made readable. */
import { type Params, query } from './routes.js';

export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/${path}${query(params)}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiRequestError(0, 'network', `the server could not be reached (${(error as Error).message})`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiRequestError(response.status, error?.code ?? 'http', error?.message ?? `HTTP ${response.status}`);
  }
  return body as T;
}

export const exportUrl = (format: 'jsonl' | 'csv' | 'md', event?: string): string =>
  `/api/export${query({ format, event })}`;
