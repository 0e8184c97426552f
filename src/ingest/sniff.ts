/**
 * Which reader a file needs. Content decides when its first bytes are unambiguous (a `.txt` that is
 * really an HTML page is read as HTML); the extension decides only when the content does not.
 */
import { extname } from 'node:path';

export type Format = 'text' | 'html' | 'jsonl' | 'feed';

const BY_EXTENSION: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

/** Elements an HTML page or fragment starts with; text starting with `<p>` is markup, not prose. */
const HTML_START =
  /^<(?:!doctype\s+html|html|head|body|meta|title|link|base|script|style|div|p|article|section|main|header|nav|span|table|h[1-6])[\s>/]/i;

const FEED_ROOT = /^<(?:rss|feed|rdf:rdf)[\s>/]/i;

function subsetEnd(rest: string, open: number): number {
  const end = rest.indexOf(']>', open);
  return end < 0 ? -1 : end + 1;
}

/** Skips leading whitespace, comments, the XML declaration and processing instructions. */
function skipProlog(head: string): { rest: string; xmlDeclaration: boolean } {
  let rest = head.replace(/^\uFEFF/, '');
  let xmlDeclaration = false;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return { rest: '', xmlDeclaration };
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<?')) {
      if (/^<\?xml[\s?]/i.test(rest)) xmlDeclaration = true;
      const end = rest.indexOf('?>');
      if (end < 0) return { rest: '', xmlDeclaration };
      rest = rest.slice(end + 2);
    } else if (/^<!doctype\s+(?!html)/i.test(rest)) {
      // A non-HTML doctype (an RSS 0.91 DTD, say): skip it, internal subset and all.
      const open = rest.indexOf('[');
      const close = rest.indexOf('>');
      const end = open >= 0 && open < close ? subsetEnd(rest, open) : close;
      if (end < 0) return { rest: '', xmlDeclaration };
      rest = rest.slice(end + 1);
    } else {
      return { rest, xmlDeclaration };
    }
  }
}

/** The format the content itself declares, or null when the first bytes do not say. */
export function sniffContent(head: string): Format | null {
  const { rest, xmlDeclaration } = skipProlog(head);
  if (FEED_ROOT.test(rest)) return 'feed';
  if (HTML_START.test(rest)) return 'html';
  if (xmlDeclaration) return 'feed';
  // A JSON object line opens with a key or is empty; "{Editor's note}" is prose.
  if (/^\{\s*["}]/.test(rest)) return 'jsonl';
  return null;
}

export function formatFromExtension(path: string): Format | null {
  return BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/**
 * Content first, then the extension, then plain text. `head` is the decoded start of the file
 * (a few KB is enough).
 */
export function sniffFormat(head: string, path: string): Format {
  return sniffContent(head) ?? formatFromExtension(path) ?? 'text';
}
