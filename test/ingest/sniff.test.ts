import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/ingest/sniff.js';

describe('sniffFormat', () => {
  it.each([
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel>', 'news.txt', 'feed'],
    ['<?xml version="1.0" encoding="utf-8"?><!-- generated --><feed xmlns="http://www.w3.org/2005/Atom">', 'x', 'feed'],
    ['<rss version="2.0">', 'x.html', 'feed'],
    ['<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY a "b"> ]>\n<rss>', 'x', 'feed'],
    ['<?xml version="1.0"?><urlset>', 'sitemap', 'feed'],
    ['<!DOCTYPE html>\n<html lang="en">', 'page.txt', 'html'],
    ['\n  <!-- saved page -->\n<html>', 'page.jsonl', 'html'],
    ['<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', 'page.xml', 'html'],
    ['<p>A snippet of markup</p>', 'snippet.txt', 'html'],
    ['\n\n{"text": "a"}\n{"text": "b"}', 'records.txt', 'jsonl'],
    ['{"text": "a"}', 'records', 'jsonl'],
  ] as const)('content decides: %j in %s is %s', (head, path, format) => {
    expect(sniffFormat(head, path)).toBe(format);
  });

  it.each([
    ['Just words, < and > signs.', 'page.html', 'html'],
    ['Just words.', 'records.jsonl', 'jsonl'],
    ['Just words.', 'Feed.XML', 'feed'],
    ['Just words.', 'notes.txt', 'text'],
    ['Just words.', 'README', 'text'],
    ["{Editor's note: this story was updated.}", 'note.txt', 'text'],
    [' date 2023-07-13 Head of Russia’s Foreign Intelligence Service', 'seed.txt', 'text'],
  ] as const)('the extension decides when content does not: %j in %s is %s', (head, path, format) => {
    expect(sniffFormat(head, path)).toBe(format);
  });
});
