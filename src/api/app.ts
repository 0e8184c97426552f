/**
 * The HTTP app: JSON API under /api, the bundled web app everywhere else, one error handler.
 * Built without a listening socket, so tests drive it in-process with `app.request()`.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { packagePath } from '../paths.js';
import type { Store } from '../store/store.js';
import { DocumentMetaCache } from './document-meta.js';
import { ApiError, handleError, notFound } from './errors.js';
import { exportRoute } from './export-route.js';
import { openApiDocument } from './openapi.js';
import { readRoutes } from './read-routes.js';
import { allowHosts, securityHeaders } from './security.js';
import type { Health } from './types.js';
import { webHandler } from './web.js';
import { type IngestDocuments, ingestWithPipeline, writeRoutes } from './write-routes.js';

export type { IngestDocuments } from './write-routes.js';

export interface AppOptions {
  store: Store;
  /** When set, every write needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Largest request body accepted, in bytes (default 10 MiB). */
  maxBodyBytes?: number;
  /** How POST /api/documents analyses and stores records (default: the pipeline, then putDocuments). */
  ingestDocument?: IngestDocuments;
  /** The bundled web app (default dist/web in the package). */
  webDir?: string;
  /** Host names the server answers to (a loopback server lists its own, against DNS rebinding); all when absent. */
  allowedHosts?: readonly string[];
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export function defaultWebDir(): string {
  return packagePath('dist', 'web');
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function createApp(options: AppOptions): Hono {
  const { store } = options;
  if (options.token !== undefined && options.token.trim() === '') throw new Error('createApp: token must not be empty');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const version = packageVersion();
  const meta = new DocumentMetaCache(store);
  const openApi = openApiDocument(version);

  const app = new Hono();
  app.onError(handleError);
  app.use('*', securityHeaders());
  if (options.allowedHosts) app.use('*', allowHosts(options.allowedHosts));

  app.get('/api/health', async (c) => {
    const { total } = await store.listDocuments({ limit: 0, offset: 0 });
    return c.json({ status: 'ok', version, documents: total, writeToken: options.token !== undefined } satisfies Health);
  });
  app.get('/api/openapi.json', (c) => c.json(openApi));
  app.route('/api', readRoutes({ store, meta }));
  app.route('/api', exportRoute(store));
  app.route(
    '/api',
    writeRoutes({
      store,
      token: options.token,
      maxBodyBytes,
      ingestDocuments: options.ingestDocument ?? ingestWithPipeline,
      onWrite: () => meta.clear(),
    }),
  );
  app.all('/api/*', (c) => {
    const known = ['/api/documents'].includes(c.req.path) && c.req.method !== 'GET' && c.req.method !== 'POST';
    if (known) throw new ApiError(405, 'method_not_allowed', `${c.req.method} ${c.req.path} is not allowed`, { headers: { Allow: 'GET, POST' } });
    throw notFound(`no API route ${c.req.method} ${c.req.path}`);
  });
  app.all('*', webHandler(options.webDir ?? defaultWebDir()));
  return app;
}
