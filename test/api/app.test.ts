/** The API in-process with app.request(): every route, its validation, its errors and its headers. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/api/app.js';
import type { EventDetailResponse, Health, Paged, SearchResponse, TimelineResponse } from '../../src/api/types.js';
import type { DocumentSummary, EntityDetail, EntitySummary, EventSummary, StoredDocument } from '../../src/store/store.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../src/store/store.js';
import { type Fixture, SEED_TEXT, WSJ, XSS, fixtureStore } from './fixtures.js';

let fx: Fixture;
let app: Hono;

beforeAll(async () => {
  fx = await fixtureStore();
  app = createApp({ store: fx.store, webDir: '/nonexistent-web-dir' });
});

async function json<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T; res: Response }> {
  const res = await app.request(path, init);
  return { status: res.status, body: (await res.json()) as T, res };
}

type ErrorBody = { error: { code: string; message: string } };

describe('GET /api/health and /api/openapi.json', () => {
  it('reports ok with the document count', async () => {
    const { status, body } = await json<Health>('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', documents: 3, writeToken: false });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('describes every route and the parameters the routes validate', async () => {
    const { status, body } = await json<{ openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string; required: boolean }> }>> }>('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual(
      ['/api/documents', '/api/documents/{id}', '/api/entities', '/api/entities/{id}', '/api/events', '/api/events/{id}', '/api/export', '/api/health', '/api/openapi.json', '/api/search', '/api/timeline'].sort(),
    );
    const events = body.paths['/api/events']?.['get']?.parameters?.map((p) => p.name);
    expect(events).toEqual(['entity', 'type', 'from', 'to', 'has_conflict', 'q', 'limit', 'offset']);
    const search = body.paths['/api/search']?.['get']?.parameters;
    expect(search?.find((p) => p.name === 'q')?.required).toBe(true);
    expect(search?.find((p) => p.name === 'limit')?.required).toBe(false);
    expect(body.paths['/api/documents']?.['post']).toBeDefined();
  });
});

describe('documents', () => {
  it('lists documents newest first, paged, with filters', async () => {
    const all = await json<Paged<DocumentSummary>>('/api/documents');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((d) => d.date)).toEqual(['2023-07-13', '2023-07-01', '2023-06-30']);
    const page = await json<Paged<DocumentSummary>>('/api/documents?limit=1&offset=1');
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items.map((d) => d.id)).toEqual(['xss-doc']);
    const wsj = await json<Paged<DocumentSummary>>(`/api/documents?publisher=${encodeURIComponent('The Wall Street Journal')}`);
    expect(wsj.body.items.map((d) => d.id)).toEqual(['wsj-burns-call']);
    const source = await json<Paged<DocumentSummary>>('/api/documents?source=U.S.%20officials');
    expect(source.body.items.map((d) => d.id)).toEqual(['wsj-burns-call']);
    const range = await json<Paged<DocumentSummary>>('/api/documents?from=2023-07-01&to=2023-07-12');
    expect(range.body.items.map((d) => d.id)).toEqual(['xss-doc']);
    const words = await json<Paged<DocumentSummary>>('/api/documents?q=pretext');
    expect(words.body.items.map((d) => d.id)).toEqual([fx.seedId]);
  });

  it('refuses bad parameters with 400 and says which', async () => {
    for (const [query, mention] of [
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ['limit=ten', 'limit'],
      ['offset=-1', 'offset'],
      ['from=2023-02-30', 'from'],
      ['from=yesterday', 'from'],
      ['from=2023-08-01&to=2023-07-01', 'from'],
      ['colour=red', 'colour'],
      [`q=${'x'.repeat(501)}`, 'q'],
    ] as const) {
      const { status, body } = await json<ErrorBody>(`/api/documents?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message, query).toContain(mention);
    }
  });

  it('returns one document with its text and every finding with a span into it', async () => {
    const { status, body } = await json<StoredDocument>(`/api/documents/${fx.seedId}`);
    expect(status).toBe(200);
    expect(body.doc.text).toBe(SEED_TEXT);
    expect(body.sentences.length).toBeGreaterThan(20);
    expect(body.mentions.length).toBeGreaterThan(10);
    for (const m of body.mentions) expect(SEED_TEXT.slice(m.start, m.end)).toBe(m.text);
    for (const t of body.times) expect(SEED_TEXT.slice(t.start, t.end)).toBe(t.text);
    const naryshkin = body.entities.find((e) => e.name === 'Sergei Naryshkin');
    expect(naryshkin?.mentions.length).toBeGreaterThan(3);
    expect(body.attributions.length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown id and keeps odd ids inside their segment', async () => {
    const missing = await json<ErrorBody>('/api/documents/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'not_found', message: "no document with id 'nope'" });
    const slash = await app.request('/api/documents/..%2F..%2Fetc%2Fpasswd');
    expect(slash.status).toBe(404);
    const quote = await json<ErrorBody>(`/api/documents/${encodeURIComponent("x' OR '1'='1")}`);
    expect(quote.status).toBe(404);
  });
});

describe('search', () => {
  it('ranks matching sentences with marked snippets and exact match spans', async () => {
    const { status, body } = await json<SearchResponse>('/api/search?q=pretext');
    expect(status).toBe(200);
    expect(body.hits).toHaveLength(1);
    const hit = body.hits[0];
    expect(hit?.docId).toBe(fx.seedId);
    expect(hit?.snippet).toContain(`${SNIPPET_OPEN}pretext${SNIPPET_CLOSE}`);
    expect(hit?.matches.map((m) => SEED_TEXT.slice(m.start, m.end))).toEqual(['pretext']);
    const phrase = await json<SearchResponse>(`/api/search?q=${encodeURIComponent('"phone conversation" Burns')}&limit=5`);
    expect(phrase.body.hits.length).toBeGreaterThan(0);
    expect(phrase.body.limit).toBe(5);
  });

  it('needs q', async () => {
    const { status, body } = await json<ErrorBody>('/api/search');
    expect(status).toBe(400);
    expect(body.error.message).toContain('q');
  });
});

describe('entities', () => {
  it('lists and filters entities, and shows one with statements by and about it', async () => {
    const list = await json<Paged<EntitySummary>>('/api/entities');
    expect(list.body.items.map((e) => e.name)).toEqual(['Sergei Naryshkin', 'William Burns']);
    const people = await json<Paged<EntitySummary>>('/api/entities?type=person&q=burns');
    expect(people.body.items.map((e) => e.id)).toEqual(['ent-burns']);
    const one = await json<EntityDetail>('/api/entities/ent-naryshkin');
    expect(one.status).toBe(200);
    expect(one.body.statements.map((s) => s.relation)).toEqual(['by', 'about']);
    expect(SEED_TEXT.slice(one.body.statements[0]?.start, one.body.statements[0]?.end)).toBe('the mutiny was merely a pretext');
  });

  it('rejects an unknown type and answers 404 for an unknown entity', async () => {
    expect((await app.request('/api/entities?type=alien')).status).toBe(400);
    expect((await app.request('/api/entities/ent-nobody')).status).toBe(404);
  });
});

describe('events', () => {
  it('lists events with filters combined', async () => {
    const all = await json<Paged<EventSummary>>('/api/events');
    expect(all.body.total).toBe(2);
    const call = all.body.items.find((e) => e.id === 'ev-call');
    expect(call).toMatchObject({ sourceCount: 2, sources: ['U.S. officials', 'Naryshkin'], conflictCount: 1, pointCount: 3 });
    const check = async (query: string, ids: string[]) =>
      expect((await json<Paged<EventSummary>>(`/api/events?${query}`)).body.items.map((e) => e.id), query).toEqual(ids);
    await check('has_conflict=true', ['ev-call']);
    await check('has_conflict=0', ['ev-summit']);
    await check('entity=ent-burns', ['ev-call']);
    await check('type=summit', ['ev-summit']);
    await check('from=2023-07-01&to=2023-07-31', ['ev-summit']);
    await check('q=naryshkin', ['ev-call']);
    await check('limit=1&offset=1', ['ev-summit']);
  });

  it('says when the events total is a lower bound, in the list and the timeline', async () => {
    // A store past the count cap: the first page of 20,000 events answers "10,000+".
    const capped = Object.create(fx.store) as typeof fx.store;
    capped.listEvents = async (q) => ({ ...(await fx.store.listEvents(q)), total: 10_000, totalCapped: true });
    const cappedApp = createApp({ store: capped, webDir: '/nonexistent-web-dir' });
    const list = (await (await cappedApp.request('/api/events?limit=1')).json()) as Paged<EventSummary>;
    expect(list).toMatchObject({ total: 10_000, totalCapped: true, limit: 1, offset: 0 });
    const timeline = (await (await cappedApp.request('/api/timeline')).json()) as TimelineResponse;
    expect(timeline).toMatchObject({ total: 10_000, totalCapped: true });
    expect((await json<Paged<EventSummary>>('/api/events')).body).not.toHaveProperty('totalCapped');
  });

  it('validates event filters', async () => {
    for (const query of ['has_conflict=maybe', 'from=2023-13-01', 'limit=-5', 'entity=', 'sort=date']) {
      const res = await app.request(`/api/events?${query}`);
      expect(res.status, query).toBe(400);
    }
  });

  it('returns one event in the compare shape, with the documents it names', async () => {
    const { status, body } = await json<EventDetailResponse>('/api/events/ev-call');
    expect(status).toBe(200);
    expect(body.events).toHaveLength(1);
    const event = body.events[0];
    expect(event?.accounts.map((a) => a.source)).toEqual(['U.S. officials', 'Naryshkin']);
    expect(event?.points.map((p) => p.status)).toEqual(['shared', 'conflict', 'only']);
    expect(body.documents.map((d) => [d.id, d.date, d.main_event])).toEqual([
      [fx.seedId, '2023-07-13', 'ev-call'],
      ['wsj-burns-call', '2023-06-30', 'ev-call'],
    ]);
    expect((await app.request('/api/events/ev-none')).status).toBe(404);
  });

  it('builds the timeline: per source, the dates it spoke', async () => {
    const { status, body } = await json<TimelineResponse>('/api/timeline');
    expect(status).toBe(200);
    const call = body.events.find((e) => e.id === 'ev-call');
    expect(call?.conflictCount).toBe(1);
    expect(call?.sources.map((s) => [s.source, s.documents.map((d) => d.date)])).toEqual([
      ['U.S. officials', ['2023-06-30', '2023-07-13']],
      ['Naryshkin', ['2023-07-13']],
    ]);
    expect((await app.request('/api/timeline?limit=500')).status).toBe(400);
  });
});

describe('SQL injection and hostile strings are just text', () => {
  const hostile = ["' OR 1=1 --", '"; DROP TABLE documents; --', 'NEAR(a b)', '*', '"unbalanced', '\u0000', 'a) OR (b', '%', '_'];
  it('returns normal answers for hostile q and filters', async () => {
    for (const s of hostile) {
      const e = encodeURIComponent(s);
      for (const path of [`/api/search?q=${e}`, `/api/documents?q=${e}`, `/api/documents?publisher=${e}`, `/api/events?q=${e}`, `/api/events?type=${e}`, `/api/entities?q=${e}`]) {
        const res = await app.request(path);
        expect(res.status, path).toBe(200);
      }
    }
    const docs = await json<Paged<DocumentSummary>>('/api/documents');
    expect(docs.body.total).toBe(3);
  });
});

describe('POST /api/documents', () => {
  it('takes a JSON record through the pipeline: 201 added, then 200 unchanged', async () => {
    const record = { id: 'post-1', text: 'Sergei Lavrov told reporters on Monday that the talks in Geneva were useful.', date: '2023-07-10', publisher: 'Wire', source: 'Russia' };
    const post = () => app.request('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(record) });
    const first = await post();
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ documents: [{ id: 'post-1', status: 'added', title: null, path: null }], failed: [] });
    const stored = await json<StoredDocument>('/api/documents/post-1');
    expect(stored.body.doc.source).toBe('Russia');
    expect(stored.body.sentences.length).toBe(1);
    expect(stored.body.mentions.map((m) => m.text)).toContain('Sergei Lavrov');
    const again = await post();
    expect(again.status).toBe(200);
    expect(((await again.json()) as { documents: Array<{ status: string }> }).documents[0]?.status).toBe('unchanged');
  });

  it('keeps any id reachable: slashes, percent signs and question marks are encoded in the path', async () => {
    const id = 'feeds/a%b?c#d';
    const post = await app.request('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, text: 'The talks ended on Friday.' }) });
    expect(post.status).toBe(201);
    const got = await json<StoredDocument>(`/api/documents/${encodeURIComponent(id)}`);
    expect(got.status).toBe(200);
    expect(got.body.doc.id).toBe(id);
  });

  it('refuses bad JSON, bad records and other media types', async () => {
    const send = (body: string, type = 'application/json') => app.request('/api/documents', { method: 'POST', headers: { 'Content-Type': type }, body });
    const cases: Array<[Response, number, string]> = [
      [await send('{"text": '), 400, 'not valid JSON'],
      [await send('{"title": "no text"}'), 400, 'text'],
      [await send('{"text": "   "}'), 400, 'must not be empty'],
      [await send('{"text": "x", "colour": "red"}'), 400, 'colour'],
      [await send('{"text": "x", "date": "13/07/2023"}'), 400, 'date'],
      [await send('[]'), 400, 'document record'],
      [await send('text=hello', 'application/x-www-form-urlencoded'), 415, 'Content-Type'],
      [await send('hello', 'text/plain'), 415, 'multipart/form-data'],
    ];
    for (const [res, status, mention] of cases) {
      expect(res.status).toBe(status);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.message).toContain(mention);
    }
  });

  it('reads an uploaded file with the ingest readers', async () => {
    const form = new FormData();
    form.set('file', new File([WSJ.text.replace('CIA', 'The CIA')], '../../evil/report.txt', { type: 'text/plain' }));
    form.set('source', 'U.S. officials');
    const res = await app.request('/api/documents', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { documents: Array<{ id: string; path: string }> };
    expect(body.documents[0]?.path).toBe('upload:report.txt');
    const stored = await json<StoredDocument>(`/api/documents/${body.documents[0]?.id}`);
    expect(stored.body.doc.source).toBe('U.S. officials');
    expect(stored.body.doc.path).toBe('upload:report.txt');
  });

  it('reports the bad lines of an uploaded JSONL file and keeps the good ones', async () => {
    const form = new FormData();
    form.set('file', new File(['{"id":"j1","text":"Talks resumed in Vienna."}\n{"id":"j2","text":7}\n'], 'batch.jsonl'));
    const res = await app.request('/api/documents', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { documents: Array<{ id: string; path: string }>; failed: Array<{ path: string; line: number; reason: string }> };
    expect(body.documents.map((d) => [d.id, d.path])).toEqual([['j1', 'upload:batch.jsonl:1']]);
    expect(body.failed).toEqual([{ path: 'upload:batch.jsonl', line: 2, reason: expect.stringContaining('text') }]);
  });

  it('answers 400 when nothing in the upload can be read, or the file field is missing', async () => {
    const binary = new FormData();
    binary.set('file', new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0, 0, 1, 2])], 'photo.jpg'));
    const res = await app.request('/api/documents', { method: 'POST', body: binary });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toContain('binary file');
    const noFile = new FormData();
    noFile.set('text', 'hello');
    expect((await app.request('/api/documents', { method: 'POST', body: noFile })).status).toBe(400);
  });

  it('refuses a body over the limit with 413, by Content-Length or by counting', async () => {
    const small = createApp({ store: fx.store, maxBodyBytes: 1000 });
    const big = JSON.stringify({ text: 'word '.repeat(400) });
    const declared = await small.request('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) }, body: big });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as ErrorBody).error.code).toBe('payload_too_large');
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const counted = await small.request('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(counted.status).toBe(413);
  });

  it('refuses a write from another origin', async () => {
    const res = await app.request('http://localhost/api/documents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ text: 'x y z' }),
    });
    expect(res.status).toBe(403);
    const site = await app.request('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' }, body: '{"text":"a"}' });
    expect(site.status).toBe(403);
  });
});

describe('token', () => {
  it('requires the bearer token on writes only: 401 without, 403 wrong, 201 right', async () => {
    const guarded = createApp({ store: fx.store, token: 'correct-horse' });
    const post = (headers: Record<string, string>) =>
      guarded.request('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ id: 'tok-1', text: 'Talks resumed in Oslo on Friday.' }) });
    const none = await post({});
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toContain('Bearer');
    expect(((await none.json()) as ErrorBody).error.code).toBe('unauthorized');
    expect((await post({ Authorization: 'Bearer wrong' })).status).toBe(403);
    expect((await post({ Authorization: 'Basic Y29ycmVjdC1ob3JzZQ==' })).status).toBe(403);
    expect((await post({ Authorization: 'Bearer correct-horse' })).status).toBe(201);
    expect((await guarded.request('/api/documents/tok-1')).status).toBe(200);
    expect(((await (await guarded.request('/api/health')).json()) as Health).writeToken).toBe(true);
  });
});

describe('export downloads', () => {
  it('sends CSV, Markdown and JSONL as attachments', async () => {
    const csv = await app.request('/api/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('Content-Disposition')).toBe('attachment; filename="rashomon-events.csv"');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('event_id,event_label,event_date,point_id,status,sources,summary,reason,evidence_source,evidence_document,evidence_start,evidence_end,evidence_text');
    expect(lines.filter((l) => l.startsWith('ev-call,'))).toHaveLength(5);
    expect(lines.find((l) => l.startsWith('ev-summit,'))).toContain(`"'=HYPERLINK(""http://x"") <b>NATO</b> summit, ""Vilnius"""`);
    const md = await app.request('/api/export?format=md&event=ev-call');
    expect(md.headers.get('Content-Disposition')).toBe('attachment; filename="rashomon-event-ev-call.md"');
    const report = await md.text();
    expect(report).toMatch(/^# Burns–Naryshkin phone call$/m);
    expect(report).toContain('| Point | Status | Naryshkin | U.S. officials |');
    expect(report).toContain('different main purpose');
    const jsonl = await app.request('/api/export?format=jsonl');
    const events = (await jsonl.text()).trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    expect(events.map((e) => e.id)).toEqual(['ev-call', 'ev-summit']);
  });

  it('validates the format and the event', async () => {
    expect((await app.request('/api/export?format=xls')).status).toBe(400);
    expect((await app.request('/api/export')).status).toBe(400);
    expect((await app.request('/api/export?format=csv&event=ev-none')).status).toBe(404);
  });
});

describe('errors and headers', () => {
  it('answers unknown API routes with a JSON 404 and a wrong method with 405', async () => {
    const missing = await json<ErrorBody>('/api/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const del = await app.request('/api/documents', { method: 'DELETE' });
    expect(del.status).toBe(405);
  });

  it('sends the CSP and nosniff on every answer, errors included', async () => {
    for (const path of ['/api/health', '/api/nothing', '/api/documents?limit=0', '/']) {
      const res = await app.request(path);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });

  it('keeps document text as data in JSON', async () => {
    const { body } = await json<StoredDocument>(`/api/documents/${XSS.id}`);
    expect(body.doc.text).toBe(XSS.text);
    expect(body.doc.url).toBe('javascript:alert(1)');
  });
});
