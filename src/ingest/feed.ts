/**
 * RSS 2.0 (and RSS 1.0/RDF) and Atom: each item or entry is a document whose text comes from its
 * HTML body. DOCTYPE entities are never expanded: a feed that declares them is refused, which also
 * disposes of "billion laughs" inputs before the parser sees them.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SourceRecord, Warning } from '../model/document.js';
import { parseLooseDate } from './dates.js';
import { snippetToText } from './html-text.js';
import { type InputResult, failure, ingestWarning, success } from './result.js';

type XmlNode = Record<string, unknown>;

/** Elements kept as raw markup: their entities and CDATA are decoded here, once, by `xmlText`. */
const RAW_ELEMENTS = ['title', 'description', 'content:encoded', 'content', 'summary'];

const parser = new XMLParser({
  // Only the five XML entities and character references are decoded (by `xmlText`); DOCTYPE
  // entities stay unexpanded whatever the input declares.
  processEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  stopNodes: RAW_ELEMENTS.map((name) => `*.${name}`),
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
}

/** Raw element content to text: CDATA sections kept as written, entities decoded outside them. */
export function xmlText(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : part.replace(/&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-f]+));/gi, (whole, name?: string, dec?: string, hex?: string) => {
            if (name) return XML_ENTITIES[name.toLowerCase()] ?? whole;
            return codePoint(dec ? Number(dec) : Number.parseInt(hex ?? '', 16));
          }),
    )
    .join('');
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** The text of an element as fast-xml-parser gives it: a string, or an object with `#text`. */
function raw(value: unknown): string {
  const node = first(value);
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object') {
    const text = (node as XmlNode)['#text'];
    return typeof text === 'string' ? text : '';
  }
  return '';
}

function attribute(value: unknown, name: string): string | undefined {
  const node = first(value);
  const found = node && typeof node === 'object' ? (node as XmlNode)[`@${name}`] : undefined;
  return typeof found === 'string' ? found : undefined;
}

/** Plain text, or HTML turned into paragraphs, per Atom's `type` (RSS bodies are always HTML). */
function bodyText(value: unknown, defaultType: 'html' | 'text'): { ok: true; text: string } | { ok: false; reason: string } {
  const content = raw(value);
  if (!content.trim()) return { ok: true, text: '' };
  const type = (attribute(value, 'type') ?? defaultType).toLowerCase();
  if (type === 'xhtml') return snippetToText(content);
  if (type === 'text' || type === 'plain' || type === 'text/plain') return { ok: true, text: xmlText(content).trim() };
  return snippetToText(xmlText(content));
}

function titleText(value: unknown): string | undefined {
  const body = bodyText(value, 'text');
  const text = body.ok ? body.text.replace(/\s+/g, ' ').trim() : '';
  return text || undefined;
}

interface FeedShape {
  publisher: string | undefined;
  items: XmlNode[];
  atom: boolean;
}

function shapeOf(doc: XmlNode): FeedShape | string {
  const asItems = (value: unknown): XmlNode[] =>
    (Array.isArray(value) ? value : []).filter((v): v is XmlNode => !!v && typeof v === 'object');
  const rss = doc.rss as XmlNode | undefined;
  if (rss && typeof rss === 'object') {
    const channel = first(rss.channel) as XmlNode | undefined;
    return { publisher: titleText(channel?.title), items: asItems(channel?.item), atom: false };
  }
  const rdf = doc['rdf:RDF'] as XmlNode | undefined;
  if (rdf && typeof rdf === 'object') {
    const channel = first(rdf.channel) as XmlNode | undefined;
    return { publisher: titleText(channel?.title), items: asItems(rdf.item), atom: false };
  }
  const feed = doc.feed as XmlNode | undefined;
  if (feed && typeof feed === 'object') return { publisher: titleText(feed.title), items: asItems(feed.entry), atom: true };
  const root = Object.keys(doc).find((key) => !key.startsWith('#') && !key.startsWith('?'));
  return root ? `not an RSS or Atom feed (root element <${root}>)` : 'not an RSS or Atom feed (no root element)';
}

export function readFeed(xml: string, path: string, warnings: readonly Warning[] = []): InputResult[] {
  if (/<!ENTITY/i.test(xml)) {
    return [failure(path, 'feed declares XML entities in a DOCTYPE; refusing to expand them (entity-expansion guard)')];
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return [failure(path, `malformed feed: ${msg} (line ${line}, column ${col})`)];
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(xml) as XmlNode;
  } catch (error) {
    return [failure(path, `malformed feed: ${(error as Error).message}`)];
  }
  const shape = shapeOf(doc);
  if (typeof shape === 'string') return [failure(path, shape)];
  if (shape.items.length === 0) return [failure(path, 'feed has no items')];
  return shape.items.map((item, i) => readItem(item, shape, `${path}#${i + 1}`, warnings));
}

function itemLink(item: XmlNode, atom: boolean): string | undefined {
  const links = Array.isArray(item.link) ? item.link : [];
  if (!atom) return xmlText(raw(links)).trim() || undefined;
  const alternate = links.find((link) => {
    const rel = attribute(link, 'rel');
    return rel === undefined || rel === 'alternate';
  });
  return attribute(alternate ?? links[0], 'href');
}

function readItem(item: XmlNode, shape: FeedShape, path: string, warnings: readonly Warning[]): InputResult {
  let text = '';
  for (const field of ['content:encoded', 'content', 'description', 'summary']) {
    const body = bodyText(item[field], shape.atom ? 'text' : 'html');
    if (!body.ok) return failure(path, body.reason);
    if (body.text) {
      text = body.text;
      break;
    }
  }
  if (!text) return failure(path, 'feed item has no content or description');
  const record: SourceRecord = { text, path };
  const title = titleText(item.title);
  if (title) record.title = title;
  if (shape.publisher) record.publisher = shape.publisher;
  const url = itemLink(item, shape.atom);
  if (url) record.url = url;
  const author = first(item.author);
  const byline = xmlText(raw(item['dc:creator']) || raw((author as XmlNode | undefined)?.name) || raw(author)).trim();
  if (byline) record.byline = byline;
  const extra: Warning[] = [];
  const when = ['pubDate', 'dc:date', 'published', 'updated'].map((k) => raw(item[k]).trim()).find(Boolean);
  if (when) {
    const check = parseLooseDate(xmlText(when));
    if (check.ok) record.date = check.date;
    else extra.push(ingestWarning('bad-date', `item date ignored: ${check.problem}`));
  }
  return success(record, [...warnings, ...extra]);
}
