/**
 * What the events stage knows about an event beyond the `EventFinding` model: its CAMEO code, how
 * its date was found, the latest it can have happened when only that is known, and when it was
 * reported (a statement's own time is kept apart from the time of what it is about). Kept beside
 * the document, by event key, for as long as the analysed document lives; a document read back
 * from the store has none, and everything that needs them recomputes them (`eventNotes` is empty).
 */
import type { AnalysedDocument } from '../../model/document.js';
import type { DateValue } from '../../model/findings.js';

export type DateBasis = 'explicit' | 'recent' | 'related' | null;

export interface EventNotes {
  family: string;
  cameo: string | null;
  /** Where `date` came from: a time expression, "recent", or a related event's date. */
  basis: DateBasis;
  /** The latest day the event can have happened ("after a short-lived mutiny"), when it has no date. */
  notAfter: string | null;
  /** A planned or scheduled event, not (yet) one that happened. */
  planned: boolean;
  /**
   * When the text that reports it was said or written: the time of the statement that carries it
   * ("Naryshkin said on Tuesday that ..."), else the publication date.
   */
  reported: DateValue | null;
  /** Length in days when the text says it ("a two-day summit"). */
  days: number | null;
}

const notes = new WeakMap<AnalysedDocument, Map<string, EventNotes>>();

export function eventNotes(a: AnalysedDocument): ReadonlyMap<string, EventNotes> {
  return notes.get(a) ?? new Map();
}

export function setEventNotes(a: AnalysedDocument, byKey: Map<string, EventNotes>): void {
  notes.set(a, byKey);
}
