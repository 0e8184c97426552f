/**
 * The workbench in a real browser (Debian's chromium through playwright-core), against the real
 * server on a random port. Two stores:
 *   - the examples, ingested by the real ingest loop, with the events the real store gives (event
 *     steps are skipped, saying why, while the store has no events yet);
 *   - the same seed with hand-made linked events (test/api/fixtures.ts), so the event page, the
 *     evidence links and the timeline are exercised whatever the store can do today.
 * Screenshots go to test-output/screenshots/ (printed at the end).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/api/server.js';
import { toDocument } from '../../src/ingest/document.js';
import { ingest } from '../../src/ingest/run.js';
import type { CompareEvent } from '../../src/model/compare.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { packagePath } from '../../src/paths.js';
import { layoutEvent } from '../../src/report/layout.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { XSS, XSS_TEXT, fixtureStore } from '../api/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`\n*** browser tests SKIPPED: ${CHROMIUM} not found (apt-get install chromium) ***\n`);

export const SCREENSHOTS = packagePath('test-output', 'screenshots');

let browser: Browser;
let webDir: string;

/** Builds the web bundle with the project's build script into a temporary folder. */
function buildWeb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rashomon-web-'));
  const r = spawnSync(process.execPath, [packagePath('scripts', 'build-web.mjs'), '--out', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`web build failed: ${r.stderr}`);
  return dir;
}

interface Session {
  page: Page;
  base: string;
  dialogs: string[];
  problems: string[];
}

async function openSession(server: RunningServer, viewport = { width: 1280, height: 800 }): Promise<Session> {
  const page = await browser.newPage({ viewport });
  const session: Session = { page, base: server.url, dialogs: [], problems: [] };
  page.on('dialog', (d) => {
    session.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => session.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') session.problems.push(`console: ${m.text()}`);
  });
  return session;
}

async function go(s: Session, hash: string, ready: string): Promise<void> {
  await s.page.goto(`${s.base}${hash}`);
  await s.page.waitForSelector(ready);
}

/** The seed's call: the event naming the seed document, a call if there is one. */
async function seedCall(store: Store, seedId: string): Promise<CompareEvent | null> {
  const page = await store.listEvents({ limit: 200, offset: 0 });
  const events = (await Promise.all(page.items.map((e) => store.getEvent(e.id)))).filter((e): e is CompareEvent => e !== null);
  const withSeed = events.filter((e) => e.documents.includes(seedId));
  return withSeed.find((e) => /call|phone|conversation/i.test(`${e.type} ${e.label}`)) ?? withSeed[0] ?? null;
}

/** Events list → the call → two account columns with a conflict row → an evidence link → the marked sentence. */
async function walkEventPage(s: Session, event: CompareEvent, shot: string): Promise<void> {
  const { page } = s;
  await go(s, '#/events', 'table.events');
  await page.getByRole('link', { name: event.label, exact: true }).first().click();
  await page.waitForSelector('table.compare');
  expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#/events/${event.id}`);
  expect(await page.locator('h1').textContent()).toBe(event.label);

  const columns = await page.locator('table.compare thead th.source-col').allTextContents();
  expect(columns).toEqual(layoutEvent(event).columns);
  expect(columns.length).toBeGreaterThanOrEqual(2);
  expect(columns.some((c) => /U\.?S\.? officials/i.test(c))).toBe(true);
  expect(columns.some((c) => /Naryshkin/i.test(c))).toBe(true);

  const conflict = event.points.find((p) => p.status === 'conflict');
  expect(conflict, 'the seed call has a conflict point').toBeDefined();
  const row = page.locator('tr.point.status-conflict').first();
  await expect(row.locator('.badge').textContent()).resolves.toContain('Conflict');
  if (conflict?.reason) expect(await row.locator('.reason').textContent()).toContain(conflict.reason);
  // One cell per account column in the conflict row, each evidence quote a link to its span.
  expect(await row.locator('td').count()).toBe(columns.length);
  await page.screenshot({ path: join(SCREENSHOTS, `${shot}.png`), fullPage: true });

  const first = row.locator('td blockquote.evidence a').first();
  const linkText = await first.textContent();
  const evidence = conflict?.evidence.find((e) => e.text === linkText);
  expect(evidence, 'the first evidence link quotes an evidence sentence of the conflict').toBeDefined();
  if (!evidence) return;
  await first.click();
  const target = page.locator('mark.target');
  await target.waitFor();
  expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#/documents/${evidence.document}?hl=${evidence.start}-${evidence.end}`);
  expect(await target.textContent()).toBe(evidence.text);
  const inView = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  expect(inView, 'the highlighted sentence is scrolled into view').toBe(true);
  expect(await page.evaluate(() => document.activeElement?.matches('mark.target') ?? false)).toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, `${shot}-evidence.png`) });
}

async function timeline(s: Session, shot: string): Promise<number> {
  await go(s, '#/timeline', 'main h1');
  await s.page.waitForSelector('svg.timeline-chart, p.empty');
  const bars = await s.page.locator('svg.timeline-chart .event-bar').count();
  await s.page.screenshot({ path: join(SCREENSHOTS, `${shot}.png`), fullPage: true });
  return bars;
}

describe.skipIf(!haveChromium)('workbench in chromium', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    webDir = buildWeb();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
    console.log(`\nworkbench screenshots: ${SCREENSHOTS}\n`);
  });

  describe('over the examples, with the events the store gives', () => {
    let store: Store;
    let server: RunningServer;
    let s: Session;
    let seedId: string;
    let call: CompareEvent | null = null;

    beforeAll(async () => {
      store = openSqliteStore(':memory:');
      const report = await ingest([packagePath('examples')], store);
      expect(report.failed).toEqual([]);
      await store.putDocuments([analyse(toDocument(XSS))]);
      const docs = await store.listDocuments({ limit: 100, offset: 0, text: 'pretext' });
      seedId = docs.items[0]?.id as string;
      call = await seedCall(store, seedId);
      if (!call) console.warn('\n*** event page steps SKIPPED over the examples: the store returns no event for the seed yet (listEvents is empty) ***\n');
      server = await startServer({ store, port: 0, webDir, env: {} });
      s = await openSession(server);
    }, 60_000);

    afterAll(async () => {
      await s?.page.close();
      await server?.close();
      await store?.close();
    });

    it('opens on the events list, keyboard first: the skip link moves focus to the content', async () => {
      await go(s, '', 'main h1');
      expect(new URL(s.page.url()).hash).toBe('#/events');
      expect(await s.page.locator('h1').textContent()).toBe('Events');
      await s.page.keyboard.press('Tab');
      expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('skip');
      await s.page.keyboard.press('Enter');
      expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(new URL(s.page.url()).hash).toBe('#/events');
    });

    it('opens the seed call event: two account columns, a conflict row, an evidence link to the marked sentence', async (ctx) => {
      if (!call) return ctx.skip();
      await walkEventPage(s, call, 'examples-event');
    });

    it('draws the timeline of the examples', async (ctx) => {
      if (!call) return ctx.skip();
      expect(await timeline(s, 'examples-timeline')).toBeGreaterThan(0);
    });

    it('shows the seed document with its findings highlighted and toggled by kind', async () => {
      await go(s, `#/documents/${seedId}`, '.doc-text');
      const text = s.page.locator('.doc-text');
      expect(await text.textContent()).toBe((await store.getDocument(seedId))?.doc.text);
      expect(await text.locator('.k-entity').count()).toBeGreaterThan(10);
      expect(await text.locator('.k-speaker').count()).toBeGreaterThan(0);
      expect(await text.evaluate((el) => el.classList.contains('show-entity'))).toBe(true);
      const toggle = s.page.getByRole('checkbox', { name: 'Entities' });
      await toggle.focus();
      await s.page.keyboard.press('Space');
      expect(await toggle.isChecked()).toBe(false);
      expect(await text.evaluate((el) => el.classList.contains('show-entity'))).toBe(false);
      await toggle.check();
      expect(await text.evaluate((el) => el.classList.contains('show-entity'))).toBe(true);
    });

    it('renders the XSS document as literal text and runs nothing', async () => {
      await go(s, `#/documents/${XSS.id}`, '.doc-text');
      expect(await s.page.locator('.doc-text').textContent()).toBe(XSS_TEXT);
      expect(await s.page.locator('h1').textContent()).toBe(XSS.title);
      expect(await s.page.locator('main img, main script, main b, main iframe').count()).toBe(0);
      expect(await s.page.locator('main .unlinked-url').textContent()).toBe('javascript:alert(1)');
      expect(await s.page.locator('main a[href^="javascript:"]').count()).toBe(0);
      expect(await s.page.locator('main .meta').first().textContent()).toContain('<b>Evil</b> Press');
      await s.page.screenshot({ path: join(SCREENSHOTS, 'xss-document.png') });
      await go(s, `#/search?q=${encodeURIComponent('image')}`, 'ol.hits, p.empty');
      expect(await s.page.locator('ol.hits').textContent()).toContain('<img src=x onerror="window.__xss=1">');
      await go(s, '#/documents', 'table.documents');
      expect(await s.page.locator('table.documents').textContent()).toContain(XSS.title);
      expect(await s.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(s.dialogs).toEqual([]);
    });

    it('logged no script error and no CSP violation', () => {
      expect(s.problems).toEqual([]);
    });
  });

  describe('over linked fixture events', () => {
    let server: RunningServer;
    let s: Session;
    let call: CompareEvent;

    beforeAll(async () => {
      const fx = await fixtureStore();
      call = fx.events[0] as CompareEvent;
      server = await startServer({ store: fx.store, port: 0, webDir, env: {} });
      s = await openSession(server);
    }, 60_000);

    afterAll(async () => {
      await s?.page.close();
      await server?.close();
    });

    it('lists events with date, participants, source count and a conflict badge', async () => {
      await go(s, '#/events', 'table.events');
      const row = s.page.locator('table.events tbody tr', { hasText: call.label });
      expect(await row.locator('td').nth(2).textContent()).toBe('William Burns, Sergei Naryshkin');
      expect(await row.locator('td').nth(3).textContent()).toContain('2 sources');
      expect(await row.locator('.badge').textContent()).toContain('1 conflict');
      await s.page.getByLabel('Only events with a conflict').check();
      await s.page.getByRole('button', { name: 'Apply' }).click();
      await s.page.waitForURL(/has_conflict=1/);
      await s.page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length === 1);
      await s.page.screenshot({ path: join(SCREENSHOTS, 'events-list.png') });
    });

    it('walks from the events list to the marked evidence sentence', async () => {
      await walkEventPage(s, call, 'event-page');
      const shared = await s.page.goto(`${s.base}#/events/${call.id}`).then(() => s.page.waitForSelector('tr.status-shared'));
      expect(await shared.textContent()).toContain('Shared');
      expect(await s.page.locator('tr.status-only .badge').textContent()).toContain('Only Naryshkin');
      expect(await s.page.locator('tr.status-only td.no-evidence').textContent()).toContain('not mentioned');
    });

    it('lists entities and filters them by name', async () => {
      await go(s, '#/entities', 'table.entities');
      expect(await s.page.locator('table.entities tbody tr').count()).toBe(2);
      await s.page.getByRole('searchbox', { name: 'Name or alias' }).fill('burns');
      await s.page.keyboard.press('Enter');
      await s.page.waitForURL(/q=burns/);
      await s.page.waitForFunction(() => document.querySelectorAll('table.entities tbody tr').length === 1);
      await s.page.getByRole('link', { name: 'William Burns' }).click();
      await s.page.waitForSelector('dl.facts');
      expect(await s.page.locator('dl.facts').textContent()).toContain('CIA Director');
    });

    it('shows an entity with statements by and about it', async () => {
      await go(s, '#/entities/ent-naryshkin', 'section.statements');
      expect(await s.page.locator('h1').textContent()).toBe('Sergei Naryshkin');
      expect(await s.page.locator('section.statements.by li').textContent()).toContain('the mutiny was merely a pretext');
      expect(await s.page.locator('section.statements.about li').count()).toBe(1);
      await s.page.screenshot({ path: join(SCREENSHOTS, 'entity-page.png'), fullPage: true });
    });

    it('draws the timeline with a lane per source and a marker per document', async () => {
      expect(await timeline(s, 'timeline')).toBe(2);
      expect(await s.page.locator('svg.timeline-chart .lane-label').allTextContents()).toEqual(['● U.S. officials', '■ Naryshkin']);
      expect(await s.page.locator('svg.timeline-chart a.marker').count()).toBe(3);
      await s.page.locator('svg.timeline-chart a.event-link').first().click();
      await s.page.waitForSelector('table.compare');
    });

    it('stacks the account columns on a narrow window', async () => {
      await s.page.setViewportSize({ width: 400, height: 800 });
      await go(s, `#/events/${call.id}`, 'table.compare');
      const display = await s.page.locator('tr.status-conflict td').first().evaluate((el) => getComputedStyle(el).display);
      expect(display).toBe('block');
      const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
      expect(overflow, 'no sideways scrolling of the page').toBe(true);
      await s.page.screenshot({ path: join(SCREENSHOTS, 'event-page-narrow.png'), fullPage: true });
      await s.page.setViewportSize({ width: 1280, height: 800 });
    });

    it('logged no script error and no CSP violation', () => {
      expect(s.problems).toEqual([]);
      expect(s.dialogs).toEqual([]);
    });
  });
});
