/**
 * Malformed and hostile requests against the real server on a socket (issue 7, item 4), adding to
 * test/api/: raw paths a browser or fetch() would normalise away (traversal, bad percent-encoding),
 * FTS5 and SQL syntax in every text filter, odd numbers, token variants, huge bodies declared or
 * chunked, prototype-polluting JSON. Each gets a 2xx answer or a 4xx JSON error, never a 500, never
 * a file outside the web app, and no write without the token.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/api/server.js';
import { toDocument } from '../../src/ingest/document.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';

const TOKEN = 'correct-horse-battery';
let store: Store;
let server: RunningServer;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  await store.putDocuments([analyse(toDocument({ id: 'd1', text: 'Sergei Lavrov said on Monday that the talks in Geneva were useful.' }))]);
  server = await startServer({ store, port: 0, token: TOKEN, env: {} });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A request with the path exactly as given (no normalisation of `..` or percent-escapes). */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // A connection of its own: after a 413 the server closes the socket while the body is still going out.
    const options = { host: '127.0.0.1', port: server.port, method, path, agent: false, headers: { Host: `127.0.0.1:${server.port}`, ...headers } };
    const req = request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: text }));
    });
    req.on('error', reject);
    // The rest of a refused body cannot be written (EPIPE): the answer has come, that is what counts.
    req.on('socket', (socket) => socket.on('error', () => undefined));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A 4xx whose body is the API's JSON error shape. */
function expectClientError(answer: Answer, what: string, status?: number): void {
  if (status !== undefined) expect(answer.status, what).toBe(status);
  expect(answer.status, `${what}: ${answer.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.type, what).toContain('application/json');
  expect((JSON.parse(answer.body) as { error: { code: string; message: string } }).error.code, what).toMatch(/^[a-z_]+$/);
}

const documentCount = async (): Promise<number> => (await store.listDocuments({ limit: 0, offset: 0 })).total;

describe('path traversal', () => {
  const paths = [
    '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/..%5c..%5cpackage.json', '//etc/passwd',
    '/index.html/../../../package.json', '/api/../package.json', '/%00', '/a%00.js', '/.env', '/%2e/package.json',
    '/assets/..%252f..%252fpackage.json', '/api/documents/..%2f..%2fetc%2fpasswd', '/api/export?format=../../etc/passwd',
  ];
  it.each(paths)('%s is a 4xx JSON error and never a file outside the web app', async (path) => {
    const answer = await send('GET', path);
    expectClientError(answer, path);
    expect(answer.body).not.toMatch(/root:x:0:0|"devDependencies"|RASHOMON_TOKEN=/);
  });
});

describe('bad parameters and query syntax', () => {
  const refused = [
    '/api/documents?limit=1e309', '/api/documents?limit[]=1', '/api/documents?offset=99999999999999999999', `/api/search?q=${'a'.repeat(501)}`,
    '/api/timeline?limit=-1', '/api/timeline?has_conflict=maybe', '/api/events?from=2023-02-29', '/api/events?from=0000-00-00',
    '/api/events?from=2999-01-02&to=2999-01-01', `/api/documents/${'x'.repeat(600)}`, '/api/search', '/api/search?q=',
    '/api/entities?type=person%27%20OR%201=1', '/api/documents?__proto__=1', '/api/documents?constructor=1',
  ];
  it.each(refused)('%s is a 400 naming the problem', async (path) => {
    expectClientError(await send('GET', path), path, 400);
  });

  // FTS5 operators and SQL fragments are searched as text: a normal answer, never a syntax error.
  const searched = [
    'NEAR(', 'NEAR(a b, -1)', 'text:foo', '{a b}', '^a', 'a AND', 'a OR', 'NOT', "' OR 1=1 --", '"', '(a', '*', '*Lavrov', 'Lavrov*',
    '-Lavrov', 'a:b:c', '%', '_', '\u0000', '%ED%A0%80', '"; DROP TABLE documents; --', 'Lavrov) UNION SELECT text FROM documents --',
  ];
  it.each(searched)('q=%j is searched as text on every route', async (q) => {
    for (const route of ['/api/search', '/api/documents', '/api/events', '/api/entities', '/api/timeline']) {
      const answer = await send('GET', `${route}?q=${encodeURIComponent(q)}`);
      expect(answer.status, `${route} ${q}: ${answer.body.slice(0, 200)}`).toBe(200);
    }
    expect(await documentCount()).toBe(1);
  });

  it('answers ids that are SQL, NUL, bad percent-escapes or emoji with a 404', async () => {
    for (const id of ["'%20OR%20'1'='1", '1;DROP%20TABLE%20documents', '%00', '%', '%E0%A4%A', '%F0%9F%98%80', '%ED%A0%80']) {
      for (const kind of ['documents', 'events', 'entities']) expectClientError(await send('GET', `/api/${kind}/${id}`), `${kind}/${id}`, 404);
    }
  });

  it('answers methods it does not serve with a 404 or 405', async () => {
    for (const [method, path] of [['TRACE', '/api/documents'], ['PUT', '/api/documents/d1'], ['DELETE', '/api/documents/d1'], ['PATCH', '/api/documents'], ['DELETE', '/index.html']]) {
      const answer = await send(method as string, path as string);
      expectClientError(answer, `${method} ${path}`);
      expect([404, 405]).toContain(answer.status);
    }
    expect(await documentCount()).toBe(1);
  });
});

describe('writes', () => {
  const record = JSON.stringify({ text: 'The envoy said on Friday that the ceasefire held.' });
  const json = { 'Content-Type': 'application/json' };

  it('refuse every wrong or misplaced token, and write nothing', async () => {
    const wrong = ['', 'Bearer ', `Bearer ${TOKEN} extra`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Token ${TOKEN}`, `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`, `Bearer ${'x'.repeat(8000)}`, 'Bearer s\u00e9cret'];
    for (const auth of wrong) {
      const answer = await send('POST', '/api/documents', { ...json, ...(auth ? { Authorization: auth } : {}) }, record);
      expectClientError(answer, `Authorization: ${auth.slice(0, 30)}`);
      expect([401, 403]).toContain(answer.status);
    }
    expectClientError(await send('POST', `/api/documents?token=${TOKEN}`, json, record), 'token in the query', 401);
    expectClientError(await send('POST', '/api/documents', { ...json, Cookie: `token=${TOKEN}` }, record), 'token in a cookie', 401);
    expect(await documentCount()).toBe(1);
  });

  const auth = { ...json, Authorization: `Bearer ${TOKEN}` };

  it('refuse bodies over the limit, declared or chunked, before analysing them', async () => {
    const big = JSON.stringify({ text: 'a '.repeat(5.5 * 1024 * 1024) });
    expectClientError(await send('POST', '/api/documents', { ...auth, 'Content-Length': String(Buffer.byteLength(big)) }, big), 'declared', 413);
    expectClientError(await send('POST', '/api/documents', { ...auth, 'Transfer-Encoding': 'chunked' }, big), 'chunked', 413);
    expect(await documentCount()).toBe(1);
  });

  it('refuse bad JSON of every kind with a 400', async () => {
    const bodies: Array<string | Buffer> = [
      '', '{', '[]', 'null', '"text"', '{"text": 42}', '{"text": ["a"]}', '{"text": "x", "date": "0000-00-00"}',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`, `{"text":"x","a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      '{"text": "Proto.", "__proto__": {"polluted": 1}}', '{"text": "Ctor.", "constructor": {"prototype": {"polluted": 1}}}',
      Buffer.from('{"text":"utf-16"}', 'utf16le'),
    ];
    for (const body of bodies) expectClientError(await send('POST', '/api/documents', auth, body), `body ${String(body).slice(0, 40)}`, 400);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(await documentCount()).toBe(1);
  });

  it('refuse a malformed multipart body, and keep only the base name of an uploaded file', async () => {
    const multipart = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'multipart/form-data; boundary=xyz' };
    expectClientError(await send('POST', '/api/documents', { ...multipart, 'Content-Type': 'multipart/form-data' }, 'garbage'), 'no boundary', 400);
    expectClientError(await send('POST', '/api/documents', multipart, '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nno filename\r\n--xyz--\r\n'), 'not a file', 400);
    const upload = await send(
      'POST',
      '/api/documents',
      multipart,
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="../../../etc/passwd"\r\nContent-Type: text/plain\r\n\r\n' +
        'The minister said on Monday that the talks would resume.\r\n--xyz--\r\n',
    );
    expect(upload.status).toBe(201);
    expect((JSON.parse(upload.body) as { documents: Array<{ path: string }> }).documents[0]?.path).toBe('upload:passwd');
    expect(await store.integrityCheck()).toEqual([]);
  });

  // BUG (src/api/upload.ts jsonRecord + src/store/sqlite.ts, reported): JSON can carry half a
  // surrogate pair ("\ud800"). The API takes it as text; SQLite stores it as UTF-8 and gives back
  // three U+FFFD, so the stored text is 2 code units longer and every span after it points at the
  // wrong characters (the mention "Geneva" reads "n Gene"). integrityCheck does not notice. The
  // JSONL reader now replaces lone surrogates by U+FFFD with a warning (src/ingest/jsonl.ts); the
  // API's JSON records and the store need the same.
  it.fails('keeps the spans of a posted text with a lone surrogate on its characters', async () => {
    const body = '{"id":"lone","text":"Sergei Lavrov said \\ud800 on Monday that the talks in Geneva were useful."}';
    expect((await send('POST', '/api/documents', auth, body)).status).toBeLessThan(300);
    const stored = await store.getDocument('lone');
    for (const m of stored?.mentions ?? []) expect(stored?.doc.text.slice(m.start, m.end)).toBe(m.text);
  });
});
