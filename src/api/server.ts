/**
 * The workbench server: the app on @hono/node-server. Loopback by default; binding anywhere else
 * needs a token, and then every write must carry it.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import type { IngestDocuments } from './write-routes.js';

export interface ServerOptions {
  store: Store;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Required for a non-loopback host; falls back to RASHOMON_TOKEN. */
  token?: string;
  maxBodyBytes?: number;
  webDir?: string;
  ingestDocument?: IngestDocuments;
  env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  /** `http://127.0.0.1:8080/` */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

export class ServerConfigError extends Error {
  override readonly name = 'ServerConfigError';
}

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase();
  return LOOPBACK_NAMES.has(h) || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** The names a browser may put in Host for a loopback server. */
function loopbackHosts(host: string): string[] {
  const bare = host.replace(/^\[|\]$/g, '');
  return ['localhost', '127.0.0.1', '[::1]', bare.includes(':') ? `[${bare}]` : bare];
}

export function urlOf(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  return `http://${bare.includes(':') ? `[${bare}]` : bare}:${port}/`;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8080;
  const env = options.env ?? process.env;
  const given = options.token ?? env['RASHOMON_TOKEN'];
  const token = given !== undefined && given.trim() !== '' ? given.trim() : undefined;
  const loopback = isLoopback(host);
  if (!loopback && token === undefined) {
    throw new ServerConfigError(
      `refusing to listen on ${host} without a token: anyone who can reach it could add documents. ` +
        `Give --token T (or set RASHOMON_TOKEN), or listen on 127.0.0.1.`,
    );
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServerConfigError(`port must be 0 to 65535, got ${port}`);
  const app = createApp({
    store: options.store,
    ...(token !== undefined ? { token } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.webDir !== undefined ? { webDir: options.webDir } : {}),
    ...(options.ingestDocument !== undefined ? { ingestDocument: options.ingestDocument } : {}),
    ...(loopback ? { allowedHosts: loopbackHosts(host) } : {}),
  });

  return new Promise<RunningServer>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host.replace(/^\[|\]$/g, ''), port }, (info: AddressInfo) => {
      server.off('error', onStartError);
      server.on('error', (error) => console.error('rashomon server:', error));
      resolve({
        url: urlOf(host, info.port),
        host,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    const onStartError = (error: NodeJS.ErrnoException): void => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is already in use (try --port 0 for any free port)`
          : error.code === 'EADDRNOTAVAIL'
            ? `${host} is not an address of this machine`
            : error.message;
      reject(new ServerConfigError(`cannot listen on ${host}:${port}: ${reason}`, { cause: error }));
    };
    server.once('error', onStartError);
  });
}

/**
 * Starts the server, prints its address, and resolves after Ctrl-C (SIGINT), SIGTERM or `signal`
 * once it has closed. For `rashomon serve`, and for `npm start` to end with the workbench over the examples.
 */
export async function serveUntilStopped(
  options: ServerOptions & { signal?: AbortSignal },
  out: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const running = await startServer(options);
  out.write(`Rashomon workbench: ${running.url}  (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      options.signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop);
  });
  await running.close();
}
