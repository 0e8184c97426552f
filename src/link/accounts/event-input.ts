/**
 * What the accounts stage needs to know about one event: its documents, whether the event is each
 * document's main event, and where in each document the event (and any other event) is mentioned.
 */
import type { AnalysedDocument, Span } from '../../model/document.js';
import type { Participant } from '../../model/compare.js';
import type { EntityIndex } from './speakers.js';

export interface EventDocument {
  analysis: AnalysedDocument;
  /** The event is this document's main event. */
  main: boolean;
  /** Spans mentioning this event (its triggers and coreferent mentions); null when the events stage found none in the document. */
  mentions: Span[] | null;
  /** The event's trigger words in the document ("call", "conversation"); null as for `mentions`. */
  triggers: Span[] | null;
  /** Spans mentioning other events. */
  otherMentions: Span[];
}

export interface EventInput {
  id: string;
  type: string;
  label: string;
  participants: Participant[];
  documents: EventDocument[];
  entities: EntityIndex;
}
