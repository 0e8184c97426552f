/**
 * The `compare` contract (issue "Events and accounts"): what `rashomon compare --json`, `rashomon
 * event ID --json` and `GET /api/events/:id` return. Other tools read this; keep it stable.
 * Offsets are UTF-16 code units into the named document's text.
 */
import type { DateValue, EntityType } from './findings.js';

export interface CompareDocument {
  id: string;
  title: string | null;
  date: string | null;
  publisher: string | null;
  source: string | null;
  /** Id of the event this document is mainly about, or null. */
  main_event: string | null;
}

export interface Participant {
  id: string;
  name: string;
  type: EntityType;
}

export interface Claim {
  id: string;
  document: string;
  start: number;
  end: number;
  text: string;
  /** Name of who is quoted for it, or null for the publisher's own narration. */
  speaker: string | null;
}

export interface Account {
  /** Whose account: the document's `source`, else the attributed speaker, else the publisher. */
  source: string;
  documents: string[];
  claims: Claim[];
}

export type PointStatus = 'shared' | 'only' | 'conflict';

export interface Evidence {
  source: string;
  document: string;
  start: number;
  end: number;
  text: string;
}

export interface Point {
  id: string;
  summary: string;
  status: PointStatus;
  sources: string[];
  evidence: Evidence[];
  /** For conflicts: the kind and what differs ("different main purpose: ..."); else null. */
  reason: string | null;
}

export interface CompareEvent {
  id: string;
  label: string;
  type: string;
  date: DateValue | null;
  place: string | null;
  participants: Participant[];
  documents: string[];
  accounts: Account[];
  points: Point[];
}

export interface CompareResult {
  documents: CompareDocument[];
  events: CompareEvent[];
}
