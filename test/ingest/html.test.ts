import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/ingest/html.js';
import { htmlToText, nestingDepth, parseHtmlDocument } from '../../src/ingest/html-text.js';
import { collect, fixture, recordOf } from './helpers.js';

const page = (head: string, body: string): string =>
  `<!DOCTYPE html><html><head>${head}</head><body><article>${body}</article></body></html>`;

const ARTICLE =
  '<p>The council met on Monday to discuss the bridge. Members spoke for two hours.</p>' +
  '<p>It voted to close the bridge for repairs. Work starts in May, the mayor said.</p>';

describe('HTML reader', () => {
  it('extracts the article text, title, byline, date, publisher and url from a news page', async () => {
    const path = fixture('harbour-talks.html');
    const record = recordOf((await collect([path]))[0]);
    expect(record.text.split('\n\n')).toEqual([
      "Negotiators from the port authority and the dockworkers' union left the city hall on Thursday without an agreement, a spokesman for the authority said.",
      'The two delegations met for nine hours. Union leader Tomas Brandt said the talks had been "useful but incomplete" and that a strike remained possible.',
      'Wages and night shifts',
      'According to the authority, the offer included a four per cent raise. The union disputed that figure, saying the raise applied only to new hires.',
      'We are not going to sign something we have not read in full.',
      'Next meeting: Monday, at the harbour office.',
      'Mediator: the regional labour board.',
      'A ferry operator said cancellations would begin if no deal was reached by the end of the month.',
    ]);
    expect(record).toMatchObject({
      path,
      title: 'Harbour talks end without deal',
      byline: 'Marta Okafor',
      publisher: 'The Coastal Ledger',
      // canonical beats og:url; the published time's own calendar day, not UTC's (15 March).
      url: 'https://ledger.example/world/harbour-talks-end',
      date: '2024-03-14',
    });
    expect(record.warnings).toBeUndefined();
    expect(record.text).not.toMatch(/World|Most read|rights reserved|analytics/);
  });

  it('falls back to <time datetime>, then JSON-LD datePublished, for the date', () => {
    const timeOnly = page('<title>Bridge</title>', `<time datetime="2023-11-02">2 Nov</time>${ARTICLE}`);
    expect(recordOf(readHtml(timeOnly, 't.html')).date).toBe('2023-11-02');
    const ld = JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', datePublished: '2022-05-06T10:00:00+09:00', publisher: { name: 'Valley Post' } }] });
    const ldOnly = page(`<title>Bridge</title><script type="application/ld+json">${ld}</script>`, ARTICLE);
    expect(recordOf(readHtml(ldOnly, 'ld.html'))).toMatchObject({ date: '2022-05-06', publisher: 'Valley Post' });
    const badFirst = page(
      '<meta property="article:published_time" content="yesterday"><meta property="og:url" content="https://post.example/b">',
      `<time datetime="2021-01-31T23:59:00Z"></time>${ARTICLE}`,
    );
    expect(recordOf(readHtml(badFirst, 'b.html'))).toMatchObject({ date: '2021-01-31', url: 'https://post.example/b' });
  });

  it('keeps a page whose only date is invalid, with a warning', () => {
    const html = page('<meta property="article:published_time" content="2023-02-30T10:00:00Z">', ARTICLE);
    const record = recordOf(readHtml(html, 'bad.html'));
    expect(record.date).toBeUndefined();
    expect(record.warnings).toEqual([
      { code: 'bad-date', stage: 'ingest', message: 'published date ignored: day 30 does not exist in 2023-02' },
    ]);
  });

  it('reports a page with no article', async () => {
    const path = fixture('no-article.html');
    expect(await collect([path])).toEqual([{ ok: false, path, reason: 'no article text found in HTML' }]);
  });

  it('falls back to the visible body text, without navigation, when Readability finds no article', () => {
    const html =
      '<html><head><title>Council</title></head><body><nav>Home News Sport</nav><table>' +
      '<tr><td>The council met on Monday.</td></tr><tr><td>It voted to close the bridge.</td></tr>' +
      '<tr><td>Work starts in May.</td></tr></table></body></html>';
    const record = recordOf(readHtml(html, 'table.html'));
    expect(record.text).toBe('The council met on Monday.\n\nIt voted to close the bridge.\n\nWork starts in May.');
    expect(record.warnings?.map((w) => w.code)).toEqual(['no-article-found-fallback']);
  });

  it('refuses HTML nested 100,000 deep quickly, without crashing', () => {
    const depth = 100_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>Deep.</p>${'</div>'.repeat(depth)}</body></html>`;
    const started = performance.now();
    const result = readHtml(html, 'deep.html');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result).toEqual({ ok: false, path: 'deep.html', reason: 'HTML nested too deeply (100002 levels; the limit is 2000)' });
  });

  it('reads moderately deep pages from their body text instead of running Readability on them', () => {
    const html = `<html><body>${'<div>'.repeat(1500)}<p>${ARTICLE}</p>${'</div>'.repeat(1500)}</body></html>`;
    const started = performance.now();
    const record = recordOf(readHtml(html, 'deep.html'));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(record.text.split('\n\n')).toHaveLength(2);
    expect(record.warnings?.[0]?.message).toBe(
      'page nested 1502 levels deep, too deep for article extraction; using the visible text of its body',
    );
  });

  it('reads a page with too many elements for Readability from its body text', () => {
    const html = `<html><head><title>Minutes</title></head><body><nav>Home</nav><article>${'<p>The council met again.</p>'.repeat(50_001)}</article></body></html>`;
    const record = recordOf(readHtml(html, 'big.html'));
    expect(record.text.split('\n\n')).toHaveLength(50_001);
    expect(record.title).toBe('Minutes');
    expect(record.warnings?.[0]?.message).toBe(
      'page has 50007 elements, too many for article extraction; using the visible text of its body',
    );
  });

  it('reads a page without <body> tags and drops a leading byline paragraph', () => {
    const html = `<html><head><title>Bridge closes</title><meta name="author" content="Ana Ruiz"></head><p>By Ana Ruiz</p>${ARTICLE}</html>`;
    const record = recordOf(readHtml(html, 'nobody.html'));
    expect(record).toMatchObject({ title: 'Bridge closes', byline: 'Ana Ruiz' });
    expect(record.text.startsWith('The council met on Monday')).toBe(true);
  });
});

describe('nestingDepth', () => {
  it('counts element nesting the way a browser builds it', () => {
    expect(nestingDepth('<div><div><span>x</span></div></div>')).toBe(3);
    // Unclosed paragraphs and list items do not nest; void and self-closed elements add nothing.
    expect(nestingDepth(`<body>${'<p>para'.repeat(5000)}${'<li>item'.repeat(5000)}<br><img src=x><hr/></body>`)).toBe(1);
    // Tags inside scripts, styles and comments are not markup.
    expect(nestingDepth(`<div><script>${'<div>'.repeat(5000)}</script><!-- ${'<div>'.repeat(9)} --></div>`)).toBe(1);
    // A stray close tag pops to its opener; an unmatched one is ignored.
    expect(nestingDepth('<div><b><i>x</div></span><div><div></div></div>')).toBe(3);
  });

  it('is linear on hostile input', () => {
    const started = performance.now();
    nestingDepth('<a'.repeat(200_000));
    nestingDepth('<b>'.repeat(200_000) + '</i>'.repeat(200_000));
    nestingDepth('<!--'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('htmlToText', () => {
  it('separates block elements with a blank line and collapses inner whitespace', () => {
    const parsed = parseHtmlDocument(
      '<div>Lead   text <b>bold</b><p>First\n  para.</p><blockquote><p>Quoted.</p> said the envoy.</blockquote>' +
        '<ul><li>One</li><li>Two</li></ul><p>Line one<br>line two<br><br>After breaks.</p><script>x()</script></div>',
    );
    if (!parsed.ok || !parsed.document.body) throw new Error('parse failed');
    expect(htmlToText(parsed.document.body).split('\n\n')).toEqual([
      'Lead text bold',
      'First para.',
      'Quoted.',
      'said the envoy.',
      'One',
      'Two',
      'Line one line two',
      'After breaks.',
    ]);
  });
});
