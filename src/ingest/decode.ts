/**
 * Bytes to text. UTF-8 is the norm; a BOM says UTF-16; invalid UTF-8 that reads as Windows-1252
 * text (old newsroom exports) is decoded as such with a warning. Binary and empty files are
 * refused with a reason rather than turned into garbage documents.
 */
import type { Warning } from '../model/document.js';

export type Decoded =
  | { ok: true; text: string; encoding: string; warnings: Warning[] }
  | { ok: false; reason: string };

/** How much of the start of a file the binary check and the format sniffing look at. */
export const HEAD_BYTES = 8192;

/**
 * Share of control bytes (C0 other than tab, LF, FF, CR) in the head above which a file is binary.
 * Random bytes have ~11%; real text has next to none.
 */
const BINARY_CONTROL_SHARE = 0.05;

export type Bom = { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number };

export function detectBom(bytes: Uint8Array): Bom | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function isTextControl(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
}

/** NUL bytes or many control bytes in the head (of a file without a UTF-16 BOM) mean binary. */
export function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, HEAD_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const byte = head[i] as number;
    if (byte === 0) return true;
    if (byte < 0x20 && !isTextControl(byte)) controls++;
  }
  return n > 0 && controls / n > BINARY_CONTROL_SHARE;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Bytes Windows-1252 leaves undefined; text in that encoding never has them. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Windows-1252's 0x80-0x9F, where it differs from Latin-1 (undefined bytes map to themselves). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node 20's `TextDecoder('windows-1252')` decodes Latin-1 (0x93 comes out as U+0093, not a curly
 * quote), so the 32 bytes where the two differ are mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

function looksLikeCp1252(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
    if (CP1252_UNDEFINED.has(byte)) return false;
  }
  return true;
}

/**
 * The charset a document declares in its first bytes (`<meta charset>`, `http-equiv` content type,
 * `<?xml encoding>`), when the runtime can decode it.
 */
export function declaredCharset(head: Uint8Array): string | null {
  const ascii = Buffer.from(head.subarray(0, 2048)).toString('latin1');
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(ascii) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(ascii);
  const label = match?.[1];
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function hasText(text: string): boolean {
  return /\S/.test(text);
}

function ok(text: string, encoding: string, warnings: Warning[] = []): Decoded {
  if (!hasText(text)) return { ok: false, reason: 'empty file' };
  return { ok: true, text, encoding, warnings };
}

/**
 * Decodes a whole file. `declared` is a charset the content itself declares (HTML, XML); it is used
 * only when the bytes are not valid UTF-8, since a declaration that contradicts valid UTF-8 is
 * almost always stale.
 */
export function decode(bytes: Uint8Array, declared: string | null = null): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  const bom = detectBom(bytes);
  if (bom && bom.encoding !== 'utf-8') {
    const text = new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(bytes.subarray(bom.length));
    return ok(text, bom.encoding);
  }
  const body = bom ? bytes.subarray(bom.length) : bytes;
  if (looksBinary(body.subarray(0, HEAD_BYTES))) return { ok: false, reason: 'binary file' };
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), 'utf-8');
  } catch {
    // Not UTF-8: fall through to a declared charset or Windows-1252.
  }
  if (declared && declared !== 'utf-8') return ok(decodeAs(declared, body), declared);
  const offset = firstInvalidUtf8(body);
  const where = `byte 0x${(body[offset] ?? 0).toString(16).toUpperCase()} at offset ${offset}`;
  if (!looksLikeCp1252(body)) return { ok: false, reason: `invalid UTF-8 (${where}) and not Windows-1252 text` };
  const warning: Warning = {
    code: 'decoded-as-windows-1252',
    stage: 'ingest',
    message: `file is not valid UTF-8 (${where}); decoded as Windows-1252`,
  };
  return ok(decodeWindows1252(body), 'windows-1252', [warning]);
}
