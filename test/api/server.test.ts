/** The real server on a socket: loopback by default, a token required anywhere else, Host checked on loopback. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, ServerConfigError, isLoopback, startServer } from '../../src/api/server.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';

let store: Store;
let server: RunningServer;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  server = await startServer({ store, port: 0, env: {} });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startServer', () => {
  it('listens on 127.0.0.1 on a free port and answers the API', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
    const res = await fetch(new URL('api/health', server.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', documents: 0 });
  });

  it('answers only to loopback host names (no DNS rebinding)', async () => {
    const url = new URL('api/health', server.url).href;
    expect((await get(url, { Host: `localhost:${server.port}` })).status).toBe(200);
    const evil = await get(url, { Host: `attacker.example:${server.port}` });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses a non-loopback host without a token, with a clear error', async () => {
    const attempt = startServer({ store, host: '0.0.0.0', port: 0, env: {} });
    await expect(attempt).rejects.toBeInstanceOf(ServerConfigError);
    await expect(startServer({ store, host: '0.0.0.0', port: 0, env: {} })).rejects.toThrow(/--token .*RASHOMON_TOKEN/);
  });

  it('binds elsewhere with a token, from the option or RASHOMON_TOKEN, and then guards writes', async () => {
    const open = await startServer({ store, host: '0.0.0.0', port: 0, env: { RASHOMON_TOKEN: 'env-token' } });
    try {
      const base = `http://127.0.0.1:${open.port}/`;
      expect((await fetch(new URL('api/health', base))).status).toBe(200);
      const post = (auth?: string) =>
        fetch(new URL('api/documents', base), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
          body: JSON.stringify({ id: 'srv-1', text: 'The talks ended on Friday.' }),
        });
      expect((await post()).status).toBe(401);
      expect((await post('Bearer env-token')).status).toBe(201);
    } finally {
      await open.close();
    }
  });

  it('reports a port in use', async () => {
    await expect(startServer({ store, port: server.port, env: {} })).rejects.toThrow(/already in use/);
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.2', 'example.com', '127.0.0.1.example.com'].some(isLoopback)).toBe(false);
  });
});

describe('serveUntilStopped', () => {
  it('prints the address, serves, and closes when stopped', async () => {
    const { PassThrough } = await import('node:stream');
    const { serveUntilStopped } = await import('../../src/api/server.js');
    const out = new PassThrough();
    const printed = new Promise<string>((resolve) => out.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    const stop = new AbortController();
    const done = serveUntilStopped({ store, port: 0, env: {}, signal: stop.signal }, out);
    const line = await printed;
    const url = /Rashomon workbench: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(line)?.[1];
    expect(url).toBeDefined();
    expect((await fetch(new URL('api/health', url))).status).toBe(200);
    stop.abort();
    await done;
    await expect(fetch(new URL('api/health', url))).rejects.toThrow();
  });
});
