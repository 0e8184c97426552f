/**
 * From what the user named (files, folders, `-` for JSONL on stdin) to source records. Each file is
 * sniffed and handed to its reader; anything wrong with one input becomes a failure result naming
 * its path (and line), never an exception, so the rest of the run goes on.
 */
import { type Stats, createReadStream } from 'node:fs';
import { open, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HEAD_BYTES, decode, declaredCharset, detectBom, looksBinary } from './decode.js';
import { readFeed } from './feed.js';
import { readHtml } from './html.js';
import { readJsonl, readJsonlText } from './jsonl.js';
import { type InputResult, failure } from './result.js';
import { type Format, sniffFormat } from './sniff.js';
import { readText } from './text.js';

export type { InputResult } from './result.js';

/** One thing to read: a file, stdin, or a path that could not be listed (and why). */
export type InputEntry = { kind: 'file'; path: string } | { kind: 'stdin' } | { kind: 'error'; path: string; reason: string };

/** The path records read from stdin carry (`<stdin>:3` for its third line). */
export const STDIN_PATH = '<stdin>';

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return (error as Error).message;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function* walk(dir: string, seen: Set<string>): AsyncGenerator<InputEntry> {
  let names: string[];
  try {
    // A symlinked folder that leads back up the tree would otherwise be walked forever.
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    names = (await readdir(dir)).sort(byName);
  } catch (error) {
    yield { kind: 'error', path: dir, reason: fsReason(error) };
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      yield { kind: 'error', path, reason: fsReason(error) };
      continue;
    }
    if (info.isDirectory()) yield* walk(path, seen);
    else if (info.isFile()) yield { kind: 'file', path };
  }
}

/**
 * Expands paths in order: a folder is walked recursively in sorted order, skipping dotfiles and
 * dot-folders; `-` is stdin. A path given explicitly is read even if it is a dotfile.
 */
export async function* walkInputs(paths: string[]): AsyncGenerator<InputEntry> {
  const seen = new Set<string>();
  for (const path of paths) {
    if (path === '-') {
      yield { kind: 'stdin' };
      continue;
    }
    try {
      const info = await stat(path);
      if (info.isDirectory()) yield* walk(path, seen);
      else yield { kind: 'file', path };
    } catch (error) {
      yield { kind: 'error', path, reason: fsReason(error) };
    }
  }
}

export async function listFiles(paths: string[]): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  for await (const entry of walkInputs(paths)) entries.push(entry);
  return entries;
}

interface Head {
  bytes: Buffer;
  size: number;
}

async function readHead(path: string): Promise<Head> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    return { bytes: bytes.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

type Sniffed = { ok: true; format: Format; utf16: boolean } | { ok: false; reason: string };

function sniffHead(head: Head, path: string): Sniffed {
  if (head.size === 0) return { ok: false, reason: 'empty file' };
  const bom = detectBom(head.bytes);
  const utf16 = bom !== null && bom.encoding !== 'utf-8';
  const body = head.bytes.subarray(bom?.length ?? 0);
  if (!utf16 && looksBinary(body)) return { ok: false, reason: 'binary file' };
  const text = new TextDecoder(bom?.encoding ?? 'utf-8').decode(body);
  if (!/\S/.test(text) && head.size <= head.bytes.length) return { ok: false, reason: 'empty file' };
  return { ok: true, format: sniffFormat(text, path), utf16 };
}

/** Every result one file gives: one record for text and HTML, one a line for JSONL, one an item for feeds. */
export async function* readFileInputs(path: string): AsyncGenerator<InputResult> {
  let sniffed: Sniffed;
  let head: Head;
  try {
    head = await readHead(path);
    sniffed = sniffHead(head, path);
  } catch (error) {
    yield failure(path, fsReason(error));
    return;
  }
  if (!sniffed.ok) {
    yield failure(path, sniffed.reason);
    return;
  }
  if (sniffed.format === 'jsonl' && !sniffed.utf16) {
    let count = 0;
    for await (const result of readJsonl(createReadStream(path), path)) {
      count++;
      yield result;
    }
    if (count === 0) yield failure(path, 'empty file (no JSON lines)');
    return;
  }
  const declared = sniffed.format === 'html' || sniffed.format === 'feed' ? declaredCharset(head.bytes) : null;
  const decoded = decode(await readFile(path), declared);
  if (!decoded.ok) {
    yield failure(path, decoded.reason);
    return;
  }
  const { text, warnings } = decoded;
  switch (sniffed.format) {
    case 'text':
      yield readText(text, path, warnings);
      break;
    case 'html':
      yield readHtml(text, path, warnings);
      break;
    case 'feed':
      yield* readFeed(text, path, warnings);
      break;
    case 'jsonl':
      yield* readJsonlText(text, path);
      break;
  }
}

/**
 * Reads every input in order. Nothing throws for bad input: a missing path, an unreadable file or a
 * bad line comes out as `{ ok: false, path, line?, reason }` and reading goes on.
 */
export async function* readInputs(
  paths: string[],
  opts: { stdin?: NodeJS.ReadableStream } = {},
): AsyncGenerator<InputResult> {
  for await (const entry of walkInputs(paths)) {
    if (entry.kind === 'error') {
      yield failure(entry.path, entry.reason);
    } else if (entry.kind === 'stdin') {
      yield* readJsonl((opts.stdin ?? process.stdin) as AsyncIterable<Uint8Array | string>, STDIN_PATH);
    } else {
      try {
        yield* readFileInputs(entry.path);
      } catch (error) {
        // A reader bug must not cost the rest of the run; report it against the file.
        yield failure(entry.path, `could not read: ${(error as Error).message}`);
      }
    }
  }
}

const isBlankByte = (byte: number | undefined): boolean => byte === 32 || byte === 9 || byte === 13;

/** Counts lines with content, streaming the bytes (for a JSONL progress total). */
async function countJsonLines(path: string): Promise<number> {
  let count = 0;
  let content = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(10, start);
      const end = nl < 0 ? chunk.length : nl;
      // Lines usually start with `{`, so this stops at the first byte.
      for (let i = start; i < end && !content; i++) content = !isBlankByte(chunk[i]);
      if (nl < 0) break;
      if (content) count++;
      content = false;
      start = nl + 1;
    }
  }
  return content ? count + 1 : count;
}

async function countFile(path: string): Promise<number> {
  try {
    const head = await readHead(path);
    const sniffed = sniffHead(head, path);
    if (!sniffed.ok) return 1;
    if (sniffed.format === 'jsonl' && !sniffed.utf16) return Math.max(1, await countJsonLines(path));
    if (sniffed.format === 'feed') {
      const xml = (await readFile(path)).toString('latin1');
      return Math.max(1, xml.match(/<(?:item|entry)[\s>]/g)?.length ?? 0);
    }
    return 1;
  } catch {
    return 1;
  }
}

/**
 * How many results `readInputs` will yield, for a progress total: exact for text, HTML and UTF-8
 * JSONL (one a non-blank line), the number of `<item>`/`<entry>` tags for feeds, one per unreadable
 * path, and nothing for stdin (unknown in advance). Costs a read of each JSONL and feed file.
 */
export async function countInputs(paths: string[]): Promise<number> {
  let total = 0;
  for await (const entry of walkInputs(paths)) {
    if (entry.kind === 'error') total++;
    else if (entry.kind === 'file') total += await countFile(entry.path);
  }
  return total;
}
