/**
 * HTML pages: Readability finds the article, metadata comes from the page's own declarations.
 * The document text is the extracted article (paragraphs separated by a blank line), not the markup.
 */
import { Readability } from '@mozilla/readability';
import type { SourceRecord, Warning } from '../model/document.js';
import { type DateCheck, parseLooseDate } from './dates.js';
import { type DomDocument, type DomNode, PAGE_CHROME, htmlToText, parseHtmlDocument } from './html-text.js';
import { type InputResult, failure, ingestWarning, success } from './result.js';

/** Below this much text, Readability's result is a scrap (a cookie notice, a caption), not an article. */
const MIN_ARTICLE_CHARS = 40;
/**
 * Readability's cost grows with the square of the nesting depth (1,000 levels take ~20 s); real
 * articles sit far below this, and deeper pages are read from their body text instead.
 */
const READABILITY_MAX_DEPTH = 200;
/** Past this many elements Readability is slow for little gain; such pages are read from their body text. */
const READABILITY_MAX_ELEMENTS = 50_000;
/** A page body read as a fallback must at least hold a few sentences to count as prose. */
const MIN_FALLBACK_SENTENCES = 3;

interface PageMeta {
  title?: string;
  byline?: string;
  publisher?: string;
  url?: string;
  /** Publication date candidates in order of trust. */
  dates: string[];
}

type Article = NonNullable<ReturnType<Readability<DomNode>['parse']>>;
type Extraction = { article: Article } | { article: null; why: string };

export function readHtml(html: string, path: string, warnings: readonly Warning[] = []): InputResult {
  const parsed = parseHtmlDocument(html);
  if (!parsed.ok) return failure(path, parsed.reason);
  // Readability rewrites the DOM it reads, so metadata is read first.
  const meta = pageMeta(parsed.document);
  const extraction = extractArticle(parsed.document, parsed.depth);
  const article = extraction.article;
  const extra: Warning[] = [];
  let text = article?.content ? htmlToText(article.content) : '';
  if (text.length < MIN_ARTICLE_CHARS) {
    const fallback = bodyText(html);
    if (sentenceCount(fallback) < MIN_FALLBACK_SENTENCES) return failure(path, 'no article text found in HTML');
    text = fallback;
    const why = extraction.article ? 'no article found in the page' : extraction.why;
    extra.push(ingestWarning('no-article-found-fallback', `${why}; using the visible text of its body`));
  }
  const byline = clean(article?.byline?.replace(/^by\s+/i, '')) ?? meta.byline;
  const record: SourceRecord = { text: byline ? withoutBylineLine(text, byline) : text, path };
  const title = clean(article?.title) ?? meta.title;
  if (title) record.title = title;
  if (byline) record.byline = byline;
  const publisher = meta.publisher ?? clean(article?.siteName);
  if (publisher) record.publisher = publisher;
  if (meta.url) record.url = meta.url;
  const date = firstValidDate([...meta.dates, ...(article?.publishedTime ? [article.publishedTime] : [])]);
  if (date?.ok) record.date = date.date;
  else if (date) extra.push(ingestWarning('bad-date', `published date ignored: ${date.problem}`));
  return success(record, [...warnings, ...extra]);
}

function extractArticle(document: DomDocument, depth: number): Extraction {
  if (depth > READABILITY_MAX_DEPTH) {
    return { article: null, why: `page nested ${depth} levels deep, too deep for article extraction` };
  }
  // Readability's own `maxElemsToParse` counts with getElementsByTagName('*'), which linkedom answers with 0.
  const elements = document.querySelectorAll('*').length;
  if (elements > READABILITY_MAX_ELEMENTS) {
    return { article: null, why: `page has ${elements} elements, too many for article extraction` };
  }
  try {
    // linkedom's document stands in for the DOM Document Readability is typed against.
    const reader = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode });
    const article = reader.parse();
    return article ? { article } : { article: null, why: 'no article found in the page' };
  } catch (error) {
    // Readability refuses oversized pages and gives up on some malformed trees; the body text remains.
    return { article: null, why: `article extraction failed (${(error as Error).message})` };
  }
}

/** Visible text of the page body without navigation and other page furniture. */
function bodyText(html: string): string {
  const parsed = parseHtmlDocument(html);
  const body = parsed.ok ? parsed.document.body : null;
  return body ? htmlToText(body, PAGE_CHROME) : '';
}

/**
 * Readability keeps a "By ..." line when it found the byline in the metadata; it is not prose, so
 * a first paragraph that is only the byline is dropped.
 */
function withoutBylineLine(text: string, byline: string): string {
  const end = text.indexOf('\n\n');
  if (end < 0) return text;
  const lead = text.slice(0, end).replace(/^by\s+/i, '').toLowerCase();
  return lead === byline.toLowerCase() ? text.slice(end + 2) : text;
}

function sentenceCount(text: string): number {
  return text.match(/\p{L}[^.!?…]*[.!?…]+["'”’)]*(?=\s|$)/gu)?.length ?? 0;
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

function attr(document: DomDocument, selector: string, name: string): string | undefined {
  return clean(document.querySelector(selector)?.getAttribute(name));
}

function absoluteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

function pageMeta(document: DomDocument): PageMeta {
  const ld = jsonLd(document);
  const meta: PageMeta = { dates: [] };
  const title = attr(document, 'meta[property="og:title"]', 'content') ?? clean(document.title);
  if (title) meta.title = title;
  const byline = attr(document, 'meta[name="author"]', 'content');
  if (byline) meta.byline = byline;
  const publisher = attr(document, 'meta[property="og:site_name"]', 'content') ?? ld.publisher;
  if (publisher) meta.publisher = publisher;
  const url =
    absoluteUrl(attr(document, 'link[rel="canonical"]', 'href')) ??
    absoluteUrl(attr(document, 'meta[property="og:url"]', 'content'));
  if (url) meta.url = url;
  const published = attr(document, 'meta[property="article:published_time"]', 'content');
  const time = attr(document, 'time[datetime]', 'datetime');
  for (const candidate of [published, time, ld.datePublished]) if (candidate) meta.dates.push(candidate);
  return meta;
}

/** `datePublished` and `publisher.name` from the page's JSON-LD blocks (objects, arrays, `@graph`). */
function jsonLd(document: DomDocument): { datePublished?: string; publisher?: string } {
  const found: { datePublished?: string; publisher?: string } = {};
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]?.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common and only costs us metadata.
    }
    // Breadth first, so the top-level article's date wins over nested ones.
    const queue: unknown[] = [data];
    for (let k = 0; k < queue.length; k++) {
      const item = queue[k];
      if (Array.isArray(item)) for (const child of item) queue.push(child);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        if (!found.datePublished && typeof record.datePublished === 'string') found.datePublished = record.datePublished;
        const publisher = record.publisher as { name?: unknown } | undefined;
        if (!found.publisher && typeof publisher?.name === 'string' && publisher.name.trim()) {
          found.publisher = publisher.name.trim();
        }
        if (Array.isArray(record['@graph'])) queue.push(record['@graph']);
      }
    }
  }
  return found;
}

/** The first candidate that is a valid date; otherwise the first candidate's problem; null when none. */
function firstValidDate(candidates: string[]): DateCheck | null {
  let first: DateCheck | null = null;
  for (const candidate of candidates) {
    const check = parseLooseDate(candidate);
    if (check.ok) return check;
    first ??= check;
  }
  return first;
}
