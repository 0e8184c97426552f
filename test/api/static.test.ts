/** Static serving: the bundled files and nothing else, whatever the path says. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../src/api/app.js';
import { resolveWebPath } from '../../src/api/web.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

let dir: string;
let web: string;
let app: Hono;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rashomon-static-'));
  web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(web, 'app.js'), 'console.log(1)');
  writeFileSync(join(web, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(web, '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
  writeFileSync(join(dir, 'secret.js'), 'TOP SECRET');
  symlinkSync(join(dir, 'secret.js'), join(web, 'linked.js'));
  app = createApp({ store: openSqliteStore(':memory:'), webDir: web });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('static web app', () => {
  it('serves index.html at / and bundled files with their types', async () => {
    const index = await app.request('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>ok</title>');
    const js = await app.request('/app.js');
    expect(js.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await app.request('/assets/logo.svg')).status).toBe(200);
    const head = await app.request('/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  const attempts = [
    '/..%2fsecret.txt',
    '/..%2f..%2fetc/passwd',
    '/..%2F..%2F..%2Fetc%2Fpasswd',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/.%2e/secret.txt',
    '/assets/..%2f..%2fsecret.js',
    '/..%5csecret.txt',
    '/%5c..%5csecret.js',
    '/app.js%00.html',
    '/%2fetc%2fpasswd',
    '//etc/passwd',
    '/etc/passwd',
    '/.env',
    '/%2eenv',
    '/linked.js',
    '/%',
    '/%E0%A4%A',
    '/assets',
    '/index.html/',
  ];
  it.each(attempts)('never serves a file outside the web folder: %s', async (path) => {
    const res = await app.request(path);
    expect([400, 404]).toContain(res.status);
    const body = await res.text();
    expect(body).not.toContain('SECRET');
    expect(body).not.toContain('root:');
    expect(JSON.parse(body)).toMatchObject({ error: { code: expect.any(String) } });
  });

  it('resolves paths only inside the root', () => {
    expect(resolveWebPath('/srv/web', '/')).toBe('/srv/web/index.html');
    expect(resolveWebPath('/srv/web', '/a/b.css')).toBe('/srv/web/a/b.css');
    expect(resolveWebPath('/srv/web', '/../x.js')).toBeNull();
    expect(resolveWebPath('/srv/web', '/a/%2e%2e/%2e%2e/x.js')).toBeNull();
    expect(resolveWebPath('/srv/web', '/x.php')).toBeNull();
  });

  it('refuses writes to static paths', async () => {
    expect((await app.request('/index.html', { method: 'POST' })).status).toBe(405);
  });

  it('says when the web app is not built', async () => {
    const bare = createApp({ store: openSqliteStore(':memory:'), webDir: join(dir, 'missing') });
    const res = await bare.request('/');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('npm run build');
  });
});
