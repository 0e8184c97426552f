/**
 * The document model every stage reads and writes. Offsets are UTF-16 code units into `text`,
 * the document's text exactly as received (after decoding), never into a cleaned copy.
 */
import type {
  AttributionFinding,
  EntityFinding,
  EventFinding,
  Mention,
  Sentence,
  TimeExpression,
} from './findings.js';

export type Precision = 'day' | 'month' | 'year';

/** A half-open range `[start, end)` of UTF-16 code units into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/** What a reader produces: the input record before it gets an id and analysis. */
export interface SourceRecord {
  text: string;
  /** Id given by the input (JSONL `id`); kept exactly when present. */
  id?: string;
  title?: string;
  /** Publication date, `YYYY-MM-DD`. */
  date?: string;
  publisher?: string;
  /** Whose account this is, when the input says so (a Kremlin readout: "Russia"). */
  source?: string;
  url?: string;
  byline?: string;
  /** Where it came from: a file path, `path:line` for JSONL, `path#item` for feeds. */
  path?: string;
  /**
   * Where the analysable body starts: a `date YYYY-MM-DD` header line is part of the text
   * (offsets refer to the whole file) but is not prose to analyse.
   */
  bodyStart?: number;
  /** Reader-level warnings (bad date header, no article found, ...). */
  warnings?: Warning[];
}

export interface DocumentMeta {
  id: string;
  /** sha256 of the normalised text, publisher and url: equal content means the same document. */
  contentHash: string;
  title: string | null;
  date: string | null;
  publisher: string | null;
  source: string | null;
  url: string | null;
  byline: string | null;
  lang: string | null;
  path: string | null;
}

export interface Document extends DocumentMeta {
  text: string;
  bodyStart: number;
}

/** A warning is data: a stage that cannot decide records one and goes on. */
export interface Warning {
  code: string;
  stage: string;
  message: string;
  start?: number;
  end?: number;
}

/** A word or punctuation token from wink-nlp, with offsets into the document text. */
export interface Token extends Span {
  /** The token as written. */
  text: string;
  /** Lower-cased form. */
  norm: string;
  lemma: string;
  /** Universal POS tag from wink-nlp (PROPN, VERB, ...). */
  pos: string;
  /** Index of the sentence this token is in. */
  sentence: number;
}

/** A document after the pipeline: its findings by kind, and its warnings. */
export interface AnalysedDocument {
  doc: Document;
  /** False when the language is not one the pipeline analyses (text stored, not analysed). */
  analysed: boolean;
  tokens: Token[];
  sentences: Sentence[];
  times: TimeExpression[];
  mentions: Mention[];
  entities: EntityFinding[];
  attributions: AttributionFinding[];
  events: EventFinding[];
  warnings: Warning[];
}
