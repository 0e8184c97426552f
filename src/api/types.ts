/**
 * What the API answers, as types shared by the server and the web app (type-only imports, so the
 * browser bundle gets none of the server's code).
 */
import type { CompareDocument, CompareResult } from '../model/compare.js';
import type { DateValue } from '../model/findings.js';
import type { PutStatus, SearchHit } from '../store/store.js';

export type { ErrorBody } from './errors.js';

/** A page of a listing, with the paging that produced it. */
export interface Paged<T> {
  total: number;
  /** Present when counting stopped at a cap: `total` is then a lower bound ("10,000+"). */
  totalCapped?: true;
  limit: number;
  offset: number;
  items: T[];
}

export interface Health {
  status: 'ok';
  version: string;
  documents: number;
  /** Whether writes need a token. */
  writeToken: boolean;
}

/** `GET /api/events/:id`: the `compare` shape holding the one event and the documents it names. */
export type EventDetailResponse = CompareResult;

export interface SearchResponse {
  query: string;
  limit: number;
  offset: number;
  hits: SearchHit[];
}

/** When one source spoke about an event: its documents with their dates. */
export interface TimelineSource {
  source: string;
  documents: Array<Pick<CompareDocument, 'id' | 'title' | 'date'>>;
}

export interface TimelineEvent {
  id: string;
  label: string;
  type: string;
  date: DateValue | null;
  conflictCount: number;
  sources: TimelineSource[];
}

export interface TimelineResponse {
  /** Events matching the filters, whatever the limit (a lower bound when `totalCapped`). */
  total: number;
  totalCapped?: true;
  events: TimelineEvent[];
}

export interface IngestedDocument {
  id: string;
  status: PutStatus;
  title: string | null;
  path: string | null;
}

export interface IngestResponse {
  documents: IngestedDocument[];
  failed: Array<{ path: string; line?: number; reason: string }>;
}
