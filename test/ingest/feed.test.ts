import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFeed, xmlText } from '../../src/ingest/feed.js';
import { collect, fixture } from './helpers.js';

describe('RSS reader', () => {
  it('makes one record per item, with text from the HTML body, and reports an item without text', async () => {
    const path = fixture('wire.rss');
    expect(await collect([path])).toEqual([
      {
        ok: true,
        record: {
          // content:encoded wins over the teaser in description.
          text: "Members of the dockworkers' union voted on Friday to strike.\n\nThe union said 81 per cent backed the action & that pickets would start on Monday.",
          path: `${path}#1`,
          title: 'Dockworkers vote to strike',
          publisher: 'Harbour Wire & Co',
          url: 'https://wire.example/strike-vote?ref=rss&src=feed',
          byline: 'Lena Ivers',
          date: '2024-03-15',
        },
      },
      {
        ok: true,
        record: {
          text: 'The port authority said it was disappointed by the vote.\n\nIt called the union’s figures misleading.',
          path: `${path}#2`,
          title: 'Port authority "disappointed"',
          publisher: 'Harbour Wire & Co',
          url: 'https://wire.example/authority-reacts',
          date: '2024-03-16',
        },
      },
      {
        ok: true,
        record: {
          text: 'Ferries will run a reduced timetable during the strike.',
          path: `${path}#3`,
          title: 'Ferry timetable',
          publisher: 'Harbour Wire & Co',
          url: 'https://wire.example/ferries',
          warnings: [
            {
              code: 'bad-date',
              stage: 'ingest',
              message: 'item date ignored: "sometime next week" is not a date in ISO 8601 or RFC 822 form',
            },
          ],
        },
      },
      { ok: false, path: `${path}#4`, reason: 'feed item has no content or description' },
    ]);
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const xml = `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Old Wire</title></channel>
        <item><title>Quay reopens</title><link>https://old.example/quay</link><dc:date>2009-06-01</dc:date>
          <description>The quay reopened on Monday.</description></item>
      </rdf:RDF>`;
    expect(readFeed(xml, 'old.rdf')).toEqual([
      {
        ok: true,
        record: {
          text: 'The quay reopened on Monday.',
          path: 'old.rdf#1',
          title: 'Quay reopens',
          publisher: 'Old Wire',
          url: 'https://old.example/quay',
          date: '2009-06-01',
        },
      },
    ]);
  });
});

describe('Atom reader', () => {
  it('reads entries: alternate link, published before updated, html, xhtml and text bodies', async () => {
    const path = fixture('statements.atom');
    const publisher = 'Ministry of Transport — Statements';
    expect(await collect([path])).toEqual([
      {
        ok: true,
        record: {
          text: 'The minister urged both sides to return to talks.\n\nShe said the government would not intervene — yet.',
          path: `${path}#1`,
          title: 'Statement on the harbour dispute',
          publisher,
          url: 'https://transport.example/statements/harbour',
          byline: 'Press Office',
          date: '2024-03-16',
        },
      },
      {
        ok: true,
        record: {
          text: 'Ferry services will continue.\n\nPassengers should check times & routes online.',
          path: `${path}#2`,
          title: 'Update on ferry services',
          publisher,
          url: 'https://transport.example/statements/ferries',
          date: '2024-03-17',
        },
      },
      {
        ok: true,
        record: {
          // A text summary is text: escaped markup in it stays literal.
          text: 'Two roads near the port close on Tuesday. <p> stays literal.',
          path: `${path}#3`,
          title: 'Road closures',
          publisher,
          url: 'https://transport.example/statements/roads',
          date: '2024-03-12',
        },
      },
    ]);
  });
});

describe('bad feeds', () => {
  it('reports a malformed feed once, with the parser reason and position', async () => {
    const path = fixture('malformed.rss');
    expect(await collect([path])).toEqual([
      {
        ok: false,
        path,
        reason:
          "malformed feed: Expected closing tag 'item' (opened in line 5, col 5) instead of closing tag 'channel'. (line 8, column 3)",
      },
    ]);
  });

  it('refuses a billion-laughs feed quickly instead of expanding it', async () => {
    const path = fixture('billion-laughs.xml');
    const started = performance.now();
    const results = await collect([path]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(results).toEqual([
      { ok: false, path, reason: 'feed declares XML entities in a DOCTYPE; refusing to expand them (entity-expansion guard)' },
    ]);
  });

  it('never expands entities even if the guard were bypassed: the parser leaves them as written', () => {
    // Same document without the declarations: an undeclared reference stays literal text.
    const xml = readFileSync(fixture('billion-laughs.xml'), 'utf8').replace(/<!DOCTYPE[\s\S]*?\]>/, '');
    const [result] = readFeed(xml, 'l.xml');
    expect(result).toMatchObject({ ok: true, record: { title: '&lol9;', text: '&lol9;' } });
  });

  it.each([
    ['<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>', 'not an RSS or Atom feed (root element <urlset>)'],
    ['<rss version="2.0"><channel><title>Quiet</title></channel></rss>', 'feed has no items'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>', 'feed has no items'],
    [`<rss><channel>${'<x>'.repeat(50_000)}${'</x>'.repeat(50_000)}</channel></rss>`, 'malformed feed: Maximum nested tags exceeded'],
  ])('reports %#: %s', (xml, reason) => {
    expect(readFeed(xml, 'f.xml')).toEqual([{ ok: false, path: 'f.xml', reason }]);
  });

  it('reports an item whose HTML body is nested too deeply, and keeps the others', () => {
    const deep = '&lt;div&gt;'.repeat(5000);
    const xml = `<rss><channel><title>W</title><item><description>${deep}x</description></item><item><description>Fine.</description></item></channel></rss>`;
    expect(readFeed(xml, 'f.xml')).toEqual([
      { ok: false, path: 'f.xml#1', reason: 'HTML nested too deeply (5002 levels; the limit is 2000)' },
      { ok: true, record: { text: 'Fine.', path: 'f.xml#2', publisher: 'W' } },
    ]);
  });
});

describe('xmlText', () => {
  it('decodes the XML entities and character references outside CDATA, and nothing else', () => {
    expect(xmlText('a &amp; b &lt;p&gt; &#8217; &#x2014; &nbsp; <![CDATA[&amp; <b>raw</b>]]> &#99999999;')).toBe(
      'a & b <p> ’ — &nbsp; &amp; <b>raw</b> \uFFFD',
    );
  });
});
