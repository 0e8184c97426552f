/**
 * From a reader's record to a Document with a stable id: the same article fed twice, from any
 * reader, is one document.
 */
import { createHash } from 'node:crypto';
import type { Document, SourceRecord } from '../model/document.js';

/** Whitespace and Unicode form do not make a different article. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function contentHash(record: Pick<SourceRecord, 'text' | 'publisher' | 'url'>): string {
  return createHash('sha256')
    .update(normaliseText(record.text))
    .update('\u0000')
    .update(record.publisher ?? '')
    .update('\u0000')
    .update(record.url ?? '')
    .digest('hex');
}

export function toDocument(record: SourceRecord): Document {
  const hash = contentHash(record);
  return {
    id: record.id ?? `d${hash.slice(0, 16)}`,
    contentHash: hash,
    text: record.text,
    bodyStart: record.bodyStart ?? 0,
    title: record.title ?? null,
    date: record.date ?? null,
    publisher: record.publisher ?? null,
    source: record.source ?? null,
    url: record.url ?? null,
    byline: record.byline ?? null,
    lang: null,
    path: record.path ?? null,
  };
}
