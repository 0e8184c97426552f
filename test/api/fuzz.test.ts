/** Whatever a client sends, the answer is a 2xx or a 4xx with the error shape, never a 500. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/api/app.js';
import { fixtureStore } from './fixtures.js';

let app: Hono;

beforeAll(async () => {
  app = createApp({ store: (await fixtureStore()).store, webDir: '/nonexistent-web-dir' });
});

const ROUTES = ['/api/documents', '/api/events', '/api/entities', '/api/search', '/api/timeline', '/api/export'];
const NAMES = ['q', 'limit', 'offset', 'from', 'to', 'type', 'entity', 'has_conflict', 'publisher', 'source', 'format', 'event', 'x'];

describe('no 500 for bad input', () => {
  it('survives arbitrary query parameters on every read route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer().map(String), fc.constantFrom('2023-07-01', '9999-99-99', 'true', '-1', '1e9', ''))), { maxLength: 4 }),
        async (route, params) => {
          const search = new URLSearchParams(params);
          const res = await app.request(`${route}?${search}`);
          expect(res.status, `${route}?${search}`).toBeLessThan(500);
          if (res.status >= 400) expect(((await res.json()) as { error: { code: string } }).error.code).toBeTypeOf('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives arbitrary ids and arbitrary bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('documents', 'events', 'entities'), fc.string({ unit: 'binary', maxLength: 600 }), async (kind, id) => {
        const res = await app.request(`/api/${kind}/${encodeURIComponent(id)}`);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string()), fc.constantFrom('application/json', 'multipart/form-data', 'multipart/form-data; boundary=x', 'text/plain', ''), async (body, type) => {
        const res = await app.request('/api/documents', { method: 'POST', headers: type ? { 'Content-Type': type } : {}, body });
        expect(res.status, `${type} ${body.slice(0, 80)}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
