/**
 * Typed findings. Every finding has a span into its document's text; a finding without a span
 * never reaches the store, the API or the UI.
 */
import type { Precision, Span } from './document.js';

export interface Sentence extends Span {
  kind: 'sentence';
  /** Index of the first token of this sentence in the document's token list. */
  firstToken: number;
  /** One past the last token. */
  lastToken: number;
  /** Paragraph number (blank-line separated blocks), from 0. */
  paragraph: number;
}

/** A resolved calendar range with the precision the text gave. */
export interface DateValue {
  /** `YYYY-MM-DD`, inclusive. */
  start: string;
  /** `YYYY-MM-DD`, inclusive. */
  end: string;
  precision: Precision;
}

export interface TimeExpression extends Span {
  kind: 'time';
  text: string;
  value: DateValue;
  /** True when the text fixed the year; false when it came from the document's date. */
  explicitYear: boolean;
}

export type EntityType = 'person' | 'organization' | 'place' | 'group';

export interface Mention extends Span {
  kind: 'mention';
  text: string;
  type: EntityType;
  /** Document-local entity key; mentions with the same key are one entity in this document. */
  entity: string;
  /** How the mention refers: a name, a pronoun ("he"), or a description ("the official"). */
  form: 'name' | 'pronoun' | 'description';
}

export interface EntityFinding extends Span {
  kind: 'entity';
  /** Document-local key (see Mention.entity). */
  key: string;
  /** Canonical name ("William Burns"). */
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  affiliations: string[];
  /** Spans of every mention, name or pronoun. */
  mentions: Span[];
}

export interface Segment {
  spans: Array<[number, number]>;
  text: string;
}

export interface AttributionFinding extends Span {
  kind: 'attribution';
  source: Segment | null;
  cue: Segment;
  content: Segment;
  /** Document-local entity key of the speaker, when resolved. */
  speaker: string | null;
  via: string | null;
  mode: 'direct' | 'indirect' | 'mixed';
  stance: 'neutral' | 'distancing' | 'endorsing';
  negated: boolean;
}

export interface EventFinding extends Span {
  kind: 'event';
  key: string;
  type: string;
  label: string;
  trigger: Span[];
  participants: string[];
  place: string | null;
  date: DateValue | null;
  mentions: Span[];
}

export type Finding = Sentence | TimeExpression | Mention | EntityFinding | AttributionFinding | EventFinding;
export type FindingKind = Finding['kind'];
