/**
 * The store interface. SQLite (embedded default) implements it now, PostgreSQL later, so every
 * method is async even though better-sqlite3 is synchronous, and nothing here names an engine.
 */
import type { CompareEvent, Participant } from '../model/compare.js';
import type { AnalysedDocument, DocumentMeta, Span } from '../model/document.js';
import type { DateValue, EntityType } from '../model/findings.js';

export type PutStatus = 'added' | 'unchanged' | 'updated';

export interface PutResult {
  id: string;
  status: PutStatus;
}

export interface PutOptions {
  /**
   * Rewrite documents whose content is unchanged (status 'updated'): for re-analysis after the
   * pipeline gained a stage, since equal content alone would make them 'unchanged'.
   */
  replace?: boolean;
}

/** A document as stored: everything the pipeline produced except tokens (recomputed when needed). */
export type StoredDocument = Omit<AnalysedDocument, 'tokens'> & {
  /** ISO timestamp of the first time this id was stored. */
  ingestedAt: string;
  /** ISO timestamp of the last write (equals ingestedAt until the content changes). */
  updatedAt: string;
};

/** One row of a document listing: metadata and sizes, no text. */
export interface DocumentSummary extends DocumentMeta {
  analysed: boolean;
  /** Length of the text in UTF-16 code units. */
  textLength: number;
  sentenceCount: number;
  ingestedAt: string;
  updatedAt: string;
}

export interface DocumentQuery {
  /** Exact publisher. */
  publisher?: string;
  /** Exact source (whose account). */
  source?: string;
  /** Publication date `YYYY-MM-DD`, inclusive; documents without a date are then excluded. */
  from?: string;
  /** Publication date `YYYY-MM-DD`, inclusive. */
  to?: string;
  /** Full-text query: every term (or "quoted phrase") must occur in some sentence of the document. */
  text?: string;
  limit: number;
  offset: number;
}

export interface Page<T> {
  /**
   * Number of rows matching the query, whatever the limit and offset. The events list counts at
   * most 10,000 rows (or as far as the page reaches): past that, `total` is a lower bound and
   * `totalCapped` is true ("10,000+"), so a first page never costs a count of every event.
   */
  total: number;
  totalCapped?: true;
  items: T[];
}

export interface SearchOptions {
  limit: number;
  offset: number;
}

/** One matching sentence. Listing order is by relevance, best first. */
export interface SearchHit {
  docId: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  /** Index of the sentence in its document. */
  sentenceIndex: number;
  /** Span of the matched sentence in the document text. */
  sentenceStart: number;
  sentenceEnd: number;
  /** Sentence excerpt with each matched term between SNIPPET_OPEN and SNIPPET_CLOSE. */
  snippet: string;
  /** Spans of the matched terms in the document text (exact, unlike markers that text might contain). */
  matches: Span[];
  /** Relevance, higher is better (negated FTS5 bm25 on SQLite). */
  score: number;
}

/** Markers around matched terms in `SearchHit.snippet`; characters news text practically never uses. */
export const SNIPPET_OPEN = '\u27e6';
export const SNIPPET_CLOSE = '\u27e7';

/** Finding kinds stored as rows (sentences have their own table). */
export const FINDING_KINDS = ['time', 'mention', 'entity', 'attribution', 'event'] as const;
export type StoredFindingKind = (typeof FINDING_KINDS)[number];

export interface StoreStats {
  documents: number;
  /** Documents the pipeline analysed (the others are stored but in a language it does not analyse). */
  analysed: number;
  sentences: number;
  /** Total text length in UTF-16 code units. */
  characters: number;
  findings: Record<StoredFindingKind, number>;
  warnings: number;
  /** Documents per publisher, most first; `null` for documents without one. */
  publishers: Array<{ publisher: string | null; documents: number }>;
  /** Documents per account source, most first. */
  sources: Array<{ source: string | null; documents: number }>;
  /** Documents per language code (`und` when undetermined, `null` when never detected). */
  languages: Array<{ lang: string | null; documents: number }>;
  /** Earliest and latest publication dates. */
  dates: { from: string | null; to: string | null };
  schemaVersion: number;
}

export interface Store {
  /**
   * Store a batch in one transaction: all of it or, if anything throws, none of it. Same id and
   * content hash: 'unchanged' and nothing is rewritten; same id, other content: 'updated', its
   * sentences, findings and warnings replaced. Results are in input order.
   */
  putDocuments(docs: readonly AnalysedDocument[], options?: PutOptions): Promise<PutResult[]>;
  /** True when some document has this content hash. */
  hasContent(contentHash: string): Promise<boolean>;
  /** The subset of these content hashes some stored document has. */
  knownHashes(hashes: readonly string[]): Promise<Set<string>>;
  /**
   * Ids stored with exactly this content: the documents `putDocuments` would report 'unchanged',
   * so a reader can skip analysing them.
   */
  findUnchanged(refs: ReadonlyArray<Pick<DocumentMeta, 'id' | 'contentHash'>>): Promise<Set<string>>;
  getDocument(id: string): Promise<StoredDocument | null>;
  /** The listing rows (metadata, no text) of these ids, by id; unknown ids are left out. */
  documentSummaries(ids: readonly string[]): Promise<Map<string, DocumentSummary>>;
  /** The id equal to `prefix`, else the only id starting with it; null when none or several do. */
  resolveDocumentId(prefix: string): Promise<string | null>;
  /** Documents by date, newest first (undated last), then id. */
  listDocuments(query: DocumentQuery): Promise<Page<DocumentSummary>>;
  /**
   * Sentences matching every term of `query` ("quoted phrases" kept together, `word*` as a prefix).
   * A query with no searchable term gives no hits.
   */
  search(query: string, options: SearchOptions): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  /** Problems found, as readable lines; empty when the store is sound. */
  integrityCheck(): Promise<string[]>;
  /** Cross-document linking, used by ingest: ids of documents written but not yet linked. */
  unlinkedDocuments(limit: number): Promise<string[]>;
  /** Stored events sharing any of these blocking keys, with their documents. */
  eventsInBlocks(blocks: readonly string[]): Promise<Array<{ id: string; documents: string[] }>>;
  /** Write one linking step in one transaction (see LinkChange). */
  applyLinks(change: LinkChange): Promise<void>;
  /** Events across documents, newest first; filters combine with AND. */
  listEvents(query: EventQuery): Promise<Page<EventSummary>>;
  /** One event in the `compare` shape: accounts side by side and points. */
  getEvent(id: string): Promise<CompareEvent | null>;
  /** The main event of each of these documents that has one (document id -> event id). */
  mainEvents(documents: readonly string[]): Promise<Map<string, string>>;
  /** Entities across documents, most mentioned first. */
  listEntities(query: EntityQuery): Promise<Page<EntitySummary>>;
  getEntity(id: string): Promise<EntityDetail | null>;
  close(): Promise<void>;
}

export interface EventQuery {
  /** Global entity id that must be a participant. */
  entity?: string;
  type?: string;
  /** The event's date range must overlap `from`..`to` (inclusive, `YYYY-MM-DD`). */
  from?: string;
  to?: string;
  hasConflict?: boolean;
  /** Words that must occur in the label or a participant's name. */
  text?: string;
  limit: number;
  offset: number;
}

export interface EventSummary {
  id: string;
  label: string;
  type: string;
  date: DateValue | null;
  place: string | null;
  participants: Participant[];
  documentCount: number;
  /** Number of distinct account sources. */
  sourceCount: number;
  sources: string[];
  conflictCount: number;
  pointCount: number;
}

export interface EntityQuery {
  type?: EntityType;
  /** Words in the name or an alias. */
  text?: string;
  limit: number;
  offset: number;
}

export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  affiliations: string[];
  documentCount: number;
  mentionCount: number;
}

/** A statement by or about an entity, with its span. */
export interface EntityStatement {
  document: string;
  documentTitle: string | null;
  date: string | null;
  start: number;
  end: number;
  text: string;
  cue: string;
  /** 'by': the entity is the speaker; 'about': it is mentioned in the content. */
  relation: 'by' | 'about';
}

export interface EntityDetail extends EntitySummary {
  statements: EntityStatement[];
  /** Entities most often in the same documents. */
  related: Array<{ id: string; name: string; type: EntityType; documents: number }>;
  events: Array<{ id: string; label: string; date: DateValue | null }>;
}

/** A stored cross-document entity row (aliases, roles and affiliations merge over documents). */
export interface EntityRecord {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  affiliations: string[];
}

export interface EventRecord {
  event: CompareEvent;
  /** Documents whose main event this is. */
  mainOf: string[];
  /** Blocking keys under which later documents find this event. */
  blocks: string[];
}

/**
 * One linking step: the documents it links (marked linked), their entity links, and the events of
 * their neighbourhood replaced by the regrouped ones. Applied atomically.
 */
export interface LinkChange {
  documents: string[];
  entityLinks: Array<{ doc: string; localKey: string; entityId: string; mentions: number }>;
  entities: EntityRecord[];
  removeEvents: string[];
  events: EventRecord[];
}
