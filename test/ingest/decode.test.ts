import { describe, expect, it } from 'vitest';
import { decode, declaredCharset, firstInvalidUtf8, looksBinary } from '../../src/ingest/decode.js';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    out.set(order === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return out;
}

describe('decode', () => {
  it('reads UTF-8 and drops a BOM', () => {
    const result = decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Naryshkin’s call')]));
    expect(result).toEqual({ ok: true, text: 'Naryshkin’s call', encoding: 'utf-8', warnings: [] });
  });

  it('decodes UTF-16 LE and BE when a BOM says so', () => {
    const text = 'Ceasefire — “talks” in Kyiv\n';
    expect(decode(utf16(text, 'le'))).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
    expect(decode(utf16(text, 'be'))).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 for invalid UTF-8 that reads as such, with a warning', () => {
    // "Café “Europa”" in Windows-1252: é = E9, curly quotes = 93/94.
    const result = decode(bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x45, 0x75, 0x72, 0x6f, 0x70, 0x61, 0x94, 0x0a));
    expect(result).toMatchObject({ ok: true, text: 'Café “Europa”\n', encoding: 'windows-1252' });
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      {
        code: 'decoded-as-windows-1252',
        stage: 'ingest',
        message: 'file is not valid UTF-8 (byte 0xE9 at offset 3); decoded as Windows-1252',
      },
    ]);
  });

  it('refuses invalid UTF-8 that is not Windows-1252 text either', () => {
    // 0x81 is undefined in Windows-1252; 0x01 is a control byte no text has.
    expect(decode(bytes(0x61, 0x81, 0x62))).toEqual({
      ok: false,
      reason: 'invalid UTF-8 (byte 0x81 at offset 1) and not Windows-1252 text',
    });
    expect(decode(Uint8Array.from([...utf8("a long enough line of text "), 0x01, 0xff, 0x63]))).toMatchObject({ ok: false, reason: expect.stringMatching(/^invalid UTF-8/) });
  });

  it('refuses binary content and empty files', () => {
    expect(decode(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00))).toEqual({ ok: false, reason: 'binary file' });
    expect(decode(new Uint8Array(0))).toEqual({ ok: false, reason: 'empty file' });
    expect(decode(utf8(' \n\t\r\n  '))).toEqual({ ok: false, reason: 'empty file' });
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]))).toEqual({ ok: false, reason: 'empty file' });
  });

  it('calls a head binary on NUL bytes or a high share of control bytes, not on ordinary text', () => {
    expect(looksBinary(utf8('plain text\twith tabs\r\nand lines\f'))).toBe(false);
    expect(looksBinary(bytes(0x61, 0x00, 0x62))).toBe(true);
    const controls = utf8('x'.repeat(100));
    for (let i = 0; i < 100; i += 10) controls[i] = 0x02;
    expect(looksBinary(controls)).toBe(true);
  });

  it('uses a declared charset when the bytes are not UTF-8', () => {
    const head = utf8('<meta charset="windows-1251">');
    expect(declaredCharset(head)).toBe('windows-1251');
    // "Мир" in Windows-1251.
    const page = Uint8Array.from([...head, 0xcc, 0xe8, 0xf0]);
    expect(decode(page, declaredCharset(head))).toMatchObject({ ok: true, text: '<meta charset="windows-1251">Мир', warnings: [] });
    expect(declaredCharset(utf8('<?xml version="1.0" encoding="ISO-8859-1"?>'))).toBe('windows-1252');
    expect(declaredCharset(utf8('<meta charset="no-such-charset">'))).toBeNull();
  });

  it('finds the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8(utf8('ok — fine 😀'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0xaf))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xed, 0xa0, 0x80))).toBe(2); // encoded surrogate
    expect(firstInvalidUtf8(bytes(0xe2, 0x80))).toBe(0); // truncated sequence
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80-0x9F to the Windows-1252 characters, not Latin-1 controls', async () => {
    const { decodeWindows1252 } = await import('../../src/ingest/decode.js');
    expect(decodeWindows1252(bytes(0x80, 0x20, 0x97, 0x20, 0x99, 0x20, 0x85, 0x20, 0xfc))).toBe('€ — ™ … ü');
  });
});
