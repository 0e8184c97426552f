/**
 * HTML to document text: a safe parse (pathological nesting is refused before linkedom sees it) and
 * a block walker that turns markup into paragraphs separated by a blank line. Shared by the HTML
 * page reader and the feed reader (item bodies are HTML snippets).
 */
import { parseHTML } from 'linkedom';

/** The slice of the DOM this module uses; linkedom's own types lean on the DOM lib we do not load. */
export interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly title: string;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/**
 * Deeper than this and the page is not an article but an attack or a generator gone wrong; real pages
 * stay under a few hundred levels, and linkedom and Readability recurse over the tree.
 */
export const MAX_HTML_DEPTH = 2000;

const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'keygen', 'menuitem', 'frame', 'basefont', 'bgsound',
]);
/** Elements whose end tag may be left out: an unclosed `<p>` does not nest the next one. */
const OPTIONAL_END = new Set([
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt',
  'rtc', 'rp',
]);
/** Elements whose content is not markup: a `<div>` inside a script is not nesting. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * Maximum element nesting, by a linear scan of the tags (no DOM), so it is safe on any input.
 * Close tags pop to their matching open tag, as a browser would, so unclosed inline tags do not
 * accumulate forever.
 */
export function nestingDepth(html: string): number {
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>/y;
  const stack: string[] = [];
  const open = new Map<string, number>();
  let max = 0;
  let i = 0;
  const lastGt = html.lastIndexOf('>');
  while ((i = html.indexOf('<', i)) >= 0 && i < lastGt) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    TAG.lastIndex = i;
    const m = TAG.exec(html);
    if (!m) {
      i++;
      continue;
    }
    i = TAG.lastIndex;
    const name = (m[2] ?? '').toLowerCase();
    if (m[1]) {
      if ((open.get(name) ?? 0) === 0) continue;
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open.set(top, (open.get(top) ?? 1) - 1);
        if (top === name) break;
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = i;
      if (!close.exec(html)) break;
      i = close.lastIndex;
      continue;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name) || (m[3] ?? '').endsWith('/')) continue;
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > max) max = stack.length;
  }
  return max;
}

export type ParsedHtml = { ok: true; document: DomDocument; depth: number } | { ok: false; reason: string };

/**
 * Parses a page or a fragment. linkedom leaves content outside `<body>` when a page has no `<body>`
 * tag, so such input is rebuilt as head + body first.
 */
export function parseHtmlDocument(html: string): ParsedHtml {
  const depth = nestingDepth(html);
  if (depth > MAX_HTML_DEPTH) {
    return { ok: false, reason: `HTML nested too deeply (${depth} levels; the limit is ${MAX_HTML_DEPTH})` };
  }
  const source = /<body[\s>]/i.test(html) ? html : wrapInBody(html);
  const { document } = parseHTML(source) as unknown as { document: DomDocument };
  return { ok: true, document, depth };
}

function wrapInBody(html: string): string {
  const head = /<head(?:\s[^>]*)?>([\s\S]*?)<\/head>/i.exec(html);
  const rest = (head ? html.slice(0, head.index) + html.slice(head.index + head[0].length) : html)
    .replace(/<!doctype[^>]*>/gi, '')
    .replace(/<\/?html(?:\s[^>]*)?>/gi, '');
  return `<!DOCTYPE html><html><head>${head?.[1] ?? ''}</head><body>${rest}</body></html>`;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Never visible text. */
const INVISIBLE = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed', 'head', 'title', 'meta',
  'link', 'button', 'select', 'textarea',
]);
/** Page furniture, dropped when reading a whole body (not an extracted article). */
export const PAGE_CHROME = new Set(['nav', 'aside', 'footer', 'header', 'form']);

/**
 * Visible text of `root`, one paragraph per block element (p, h1-h6, li, blockquote, ...), blank
 * line between paragraphs, inner whitespace collapsed. Two `<br>` in a row also end a paragraph.
 */
export function htmlToText(root: DomNode, skip: ReadonlySet<string> = new Set()): string {
  const paragraphs: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    for (const part of run.join('').split(/\n(?:[ ]*\n)+/)) {
      const paragraph = part.replace(/\s+/g, ' ').trim();
      if (paragraph) paragraphs.push(paragraph);
    }
    run = [];
  };
  // Iterative walk: `null` marks leaving a block element.
  const todo: Array<DomNode | null> = [root];
  while (todo.length > 0) {
    const node = todo.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      run.push((node.textContent ?? '').replace(/\s+/g, ' '));
      continue;
    }
    if (node !== root && node.nodeType !== ELEMENT) continue;
    const name = node.nodeType === ELEMENT ? (node as DomElement).localName.toLowerCase() : '';
    if (INVISIBLE.has(name) || skip.has(name)) continue;
    if (name === 'br') {
      run.push('\n');
      continue;
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      todo.push(null);
    }
    const children = node.childNodes;
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k];
      if (child) todo.push(child);
    }
  }
  flush();
  return paragraphs.join('\n\n');
}

/** Text of an HTML snippet (a feed item body), or null when it would not parse safely. */
export function snippetToText(html: string): { ok: true; text: string } | { ok: false; reason: string } {
  const parsed = parseHtmlDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  if (!parsed.ok) return parsed;
  const body = parsed.document.body;
  return { ok: true, text: body ? htmlToText(body) : '' };
}
