/**
 * The database schema, as an ordered list of migrations: the one place tables are defined.
 *
 * A migration is never edited once released; a change is a new migration with the next version.
 * Types stay in the subset PostgreSQL shares (TEXT, INTEGER, REAL; JSON as TEXT, booleans as 0/1)
 * so the PostgreSQL store can add a `postgres` script beside each `sqlite` one, with the same
 * versions. Only full-text search differs in kind: FTS5 here, a tsvector column there.
 *
 * Offsets (`span_start`, `span_end`) are UTF-16 code units into `documents.text`, as everywhere
 * in Rashomon (`end` is a reserved word in PostgreSQL, hence the prefix).
 */

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  /** Added by the PostgreSQL store; same version, same tables. */
  postgres?: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, sentences with full-text search, findings, warnings',
    sqlite: `
      CREATE TABLE documents (
        id            TEXT PRIMARY KEY,
        content_hash  TEXT NOT NULL,
        title         TEXT,
        date          TEXT,
        publisher     TEXT,
        source        TEXT,
        url           TEXT,
        byline        TEXT,
        lang          TEXT,
        path          TEXT,
        text          TEXT NOT NULL,
        text_length   INTEGER NOT NULL,
        body_start    INTEGER NOT NULL,
        analysed      INTEGER NOT NULL CHECK (analysed IN (0, 1)),
        -- Written with the sentences in the same transaction; the integrity check compares them.
        sentence_count INTEGER NOT NULL,
        ingested_at   TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE INDEX documents_content_hash ON documents (content_hash);
      CREATE INDEX documents_date ON documents (date);
      CREATE INDEX documents_publisher ON documents (publisher);
      CREATE INDEX documents_source ON documents (source);

      -- The explicit INTEGER PRIMARY KEY keeps rowids stable across VACUUM: the FTS index refers to them.
      CREATE TABLE sentences (
        id           INTEGER PRIMARY KEY,
        doc_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx          INTEGER NOT NULL,
        span_start   INTEGER NOT NULL,
        span_end     INTEGER NOT NULL,
        paragraph    INTEGER NOT NULL,
        first_token  INTEGER NOT NULL,
        last_token   INTEGER NOT NULL,
        -- A copy of the sentence's text: what FTS5 indexes and cuts snippets from.
        text         TEXT NOT NULL,
        UNIQUE (doc_id, idx),
        CHECK (span_start >= 0 AND span_end >= span_start)
      );

      CREATE VIRTUAL TABLE sentences_fts USING fts5 (
        text,
        content = 'sentences',
        content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      -- External-content FTS must be told the old text to forget it: these triggers keep the index
      -- equal to the sentences table whatever deletes or replaces sentences. Inserts are indexed by
      -- the store itself, in the same transaction: through a trigger they cost 3.5x more.
      CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER sentences_fts_update AFTER UPDATE ON sentences BEGIN
        INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
      END;

      -- Times, mentions, entities, attributions and events of one document. \`data\` is the finding
      -- as JSON without kind and span; the primary key doubles as the (doc_id, kind) index.
      CREATE TABLE findings (
        doc_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        kind        TEXT NOT NULL,
        idx         INTEGER NOT NULL,
        span_start  INTEGER NOT NULL,
        span_end    INTEGER NOT NULL,
        data        TEXT NOT NULL,
        PRIMARY KEY (doc_id, kind, idx),
        CHECK (span_start >= 0 AND span_end >= span_start)
      );
      CREATE INDEX findings_kind ON findings (kind);

      CREATE TABLE warnings (
        doc_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx         INTEGER NOT NULL,
        code        TEXT NOT NULL,
        stage       TEXT NOT NULL,
        message     TEXT NOT NULL,
        span_start  INTEGER,
        span_end    INTEGER,
        PRIMARY KEY (doc_id, idx)
      );
    `,
    // Text compares and sorts by code point (COLLATE "C", as SQLite's BINARY), whatever the
    // database's locale, so ids, dates and names order the same on both engines. Full-text search is
    // a stored tsvector over each sentence with a GIN index instead of FTS5.
    postgres: `
      CREATE TABLE documents (
        id            TEXT COLLATE "C" PRIMARY KEY,
        content_hash  TEXT COLLATE "C" NOT NULL,
        title         TEXT COLLATE "C",
        date          TEXT COLLATE "C",
        publisher     TEXT COLLATE "C",
        source        TEXT COLLATE "C",
        url           TEXT COLLATE "C",
        byline        TEXT COLLATE "C",
        lang          TEXT COLLATE "C",
        path          TEXT COLLATE "C",
        text          TEXT NOT NULL,
        text_length   INTEGER NOT NULL,
        body_start    INTEGER NOT NULL,
        analysed      INTEGER NOT NULL CHECK (analysed IN (0, 1)),
        sentence_count INTEGER NOT NULL,
        ingested_at   TEXT COLLATE "C" NOT NULL,
        updated_at    TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX documents_content_hash ON documents (content_hash);
      CREATE INDEX documents_date ON documents (date);
      CREATE INDEX documents_publisher ON documents (publisher);
      CREATE INDEX documents_source ON documents (source);

      CREATE TABLE sentences (
        id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        doc_id       TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx          INTEGER NOT NULL,
        span_start   INTEGER NOT NULL,
        span_end     INTEGER NOT NULL,
        paragraph    INTEGER NOT NULL,
        first_token  INTEGER NOT NULL,
        last_token   INTEGER NOT NULL,
        text         TEXT NOT NULL,
        -- Kept by the engine itself: no trigger to forget, nothing to get out of step.
        tsv          TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        UNIQUE (doc_id, idx),
        CHECK (span_start >= 0 AND span_end >= span_start)
      );
      CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);

      CREATE TABLE findings (
        doc_id      TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        kind        TEXT COLLATE "C" NOT NULL,
        idx         INTEGER NOT NULL,
        span_start  INTEGER NOT NULL,
        span_end    INTEGER NOT NULL,
        data        TEXT NOT NULL,
        PRIMARY KEY (doc_id, kind, idx),
        CHECK (span_start >= 0 AND span_end >= span_start)
      );
      CREATE INDEX findings_kind ON findings (kind);

      CREATE TABLE warnings (
        doc_id      TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx         INTEGER NOT NULL,
        code        TEXT COLLATE "C" NOT NULL,
        stage       TEXT COLLATE "C" NOT NULL,
        message     TEXT NOT NULL,
        span_start  INTEGER,
        span_end    INTEGER,
        PRIMARY KEY (doc_id, idx)
      );
    `,
  },
  {
    version: 2,
    name: 'cross-document entities and events',
    sqlite: `
      -- Linking runs after documents are written; a document stays 'unlinked' until its entities
      -- and events are merged in, so a crash between the two is finished by the next ingest.
      ALTER TABLE documents ADD COLUMN linked INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX documents_unlinked ON documents (linked) WHERE linked = 0;

      CREATE TABLE entities (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        type           TEXT NOT NULL,
        aliases        TEXT NOT NULL,
        roles          TEXT NOT NULL,
        affiliations   TEXT NOT NULL,
        document_count INTEGER NOT NULL,
        mention_count  INTEGER NOT NULL
      );
      CREATE INDEX entities_rank ON entities (mention_count DESC, id);
      CREATE INDEX entities_type_rank ON entities (type, mention_count DESC, id);

      -- Which global entity each document-local entity key is.
      CREATE TABLE document_entities (
        doc_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        local_key  TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        mentions   INTEGER NOT NULL,
        PRIMARY KEY (doc_id, local_key)
      );
      CREATE INDEX document_entities_entity ON document_entities (entity_id, doc_id);

      -- An event across documents; \`data\` is its whole compare shape as JSON.
      CREATE TABLE events (
        id             TEXT PRIMARY KEY,
        type           TEXT NOT NULL,
        label          TEXT NOT NULL,
        date_start     TEXT,
        date_end       TEXT,
        place          TEXT,
        participants   TEXT NOT NULL,
        sources        TEXT NOT NULL,
        document_count INTEGER NOT NULL,
        source_count   INTEGER NOT NULL,
        point_count    INTEGER NOT NULL,
        conflict_count INTEGER NOT NULL,
        data           TEXT NOT NULL
      );
      CREATE INDEX events_date ON events (date_start DESC, id);
      CREATE INDEX events_type ON events (type, date_start DESC);
      CREATE INDEX events_conflicts ON events (conflict_count, date_start DESC);

      CREATE TABLE event_documents (
        event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        doc_id    TEXT NOT NULL,
        main      INTEGER NOT NULL,
        PRIMARY KEY (event_id, doc_id)
      );
      CREATE INDEX event_documents_doc ON event_documents (doc_id);

      CREATE TABLE event_participants (
        event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        entity_id  TEXT NOT NULL,
        PRIMARY KEY (event_id, entity_id)
      );
      CREATE INDEX event_participants_entity ON event_participants (entity_id);

      -- Blocking keys: an incoming event is compared only with stored events sharing a key.
      CREATE TABLE event_blocks (
        block     TEXT NOT NULL,
        event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        PRIMARY KEY (block, event_id)
      );
      CREATE INDEX event_blocks_event ON event_blocks (event_id);
    `,
    // Several processes may link at once: a document is claimed with FOR UPDATE SKIP LOCKED while a
    // process links it, and the events of a neighbourhood are rewritten under advisory locks on
    // their blocking keys (see postgres-links.ts); the tables are the same.
    postgres: `
      ALTER TABLE documents ADD COLUMN linked INTEGER NOT NULL DEFAULT 0;
      -- On id, not on linked: claims take the unlinked documents in id order.
      CREATE INDEX documents_unlinked ON documents (id) WHERE linked = 0;

      CREATE TABLE entities (
        id             TEXT COLLATE "C" PRIMARY KEY,
        name           TEXT COLLATE "C" NOT NULL,
        type           TEXT COLLATE "C" NOT NULL,
        aliases        TEXT NOT NULL,
        roles          TEXT NOT NULL,
        affiliations   TEXT NOT NULL,
        document_count INTEGER NOT NULL,
        mention_count  INTEGER NOT NULL
      );
      CREATE INDEX entities_rank ON entities (mention_count DESC, id);
      CREATE INDEX entities_type_rank ON entities (type, mention_count DESC, id);

      CREATE TABLE document_entities (
        doc_id     TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        local_key  TEXT COLLATE "C" NOT NULL,
        entity_id  TEXT COLLATE "C" NOT NULL,
        mentions   INTEGER NOT NULL,
        PRIMARY KEY (doc_id, local_key)
      );
      CREATE INDEX document_entities_entity ON document_entities (entity_id, doc_id);

      CREATE TABLE events (
        id             TEXT COLLATE "C" PRIMARY KEY,
        type           TEXT COLLATE "C" NOT NULL,
        label          TEXT COLLATE "C" NOT NULL,
        date_start     TEXT COLLATE "C",
        date_end       TEXT COLLATE "C",
        place          TEXT COLLATE "C",
        participants   TEXT NOT NULL,
        sources        TEXT NOT NULL,
        document_count INTEGER NOT NULL,
        source_count   INTEGER NOT NULL,
        point_count    INTEGER NOT NULL,
        conflict_count INTEGER NOT NULL,
        data           TEXT NOT NULL
      );
      CREATE INDEX events_date ON events (date_start DESC, id);
      CREATE INDEX events_type ON events (type, date_start DESC);
      CREATE INDEX events_conflicts ON events (conflict_count, date_start DESC);

      CREATE TABLE event_documents (
        event_id  TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        doc_id    TEXT COLLATE "C" NOT NULL,
        main      INTEGER NOT NULL,
        PRIMARY KEY (event_id, doc_id)
      );
      CREATE INDEX event_documents_doc ON event_documents (doc_id);

      CREATE TABLE event_participants (
        event_id   TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        entity_id  TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (event_id, entity_id)
      );
      CREATE INDEX event_participants_entity ON event_participants (entity_id);

      CREATE TABLE event_blocks (
        block     TEXT COLLATE "C" NOT NULL,
        event_id  TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        PRIMARY KEY (block, event_id)
      );
      CREATE INDEX event_blocks_event ON event_blocks (event_id);
    `,
  },
  {
    version: 3,
    name: 'indexes in the order the workbench lists events, and the documents and events of an entity',
    // The events list (newest first, then most documents, then id) and its conflicts-only and
    // per-type forms read their first page straight off an index instead of sorting every event.
    // An entity page lists the entity's newest documents and events: the link rows carry the date
    // they are ordered by (the document's, the event's), so those lists are an index range too.
    // The documents list likewise, whole or by publisher. A text filter finds documents through
    // the sentences FTS5 matches: sentences_doc gives a match's document without reading the
    // sentence row (its text), twice as fast over thousands of matches.
    // SQLite puts NULLs last in DESC order: undated documents and events come last, as before.
    sqlite: `
      DROP INDEX documents_date;
      DROP INDEX documents_publisher;
      CREATE INDEX documents_list ON documents (date DESC, id);
      CREATE INDEX documents_list_publisher ON documents (publisher, date DESC, id);
      CREATE INDEX sentences_doc ON sentences (id, doc_id);

      DROP INDEX events_date;
      DROP INDEX events_type;
      DROP INDEX events_conflicts;
      CREATE INDEX events_list ON events (date_start DESC, document_count DESC, id);
      CREATE INDEX events_list_type ON events (type, date_start DESC, document_count DESC, id);
      CREATE INDEX events_list_conflicts ON events (date_start DESC, document_count DESC, id) WHERE conflict_count > 0;
      -- What lists show of an event's date, without reading \`data\` (megabytes for a big event).
      ALTER TABLE events ADD COLUMN date_value TEXT;
      UPDATE events SET date_value = json_extract(data, '$.date');

      ALTER TABLE document_entities ADD COLUMN date TEXT;
      UPDATE document_entities SET date = (SELECT d.date FROM documents d WHERE d.id = document_entities.doc_id);
      CREATE INDEX document_entities_entity_date ON document_entities (entity_id, date DESC, doc_id);

      ALTER TABLE event_participants ADD COLUMN date_start TEXT;
      UPDATE event_participants SET date_start = (SELECT e.date_start FROM events e WHERE e.id = event_participants.event_id);
      DROP INDEX event_participants_entity;
      CREATE INDEX event_participants_entity_date ON event_participants (entity_id, date_start DESC, event_id);
    `,
    // The same, with NULLS LAST said (PostgreSQL puts NULLs first in DESC order). Sentences need no
    // sentences_doc here: a tsvector match reads the row, doc_id with it.
    postgres: `
      DROP INDEX documents_date;
      DROP INDEX documents_publisher;
      CREATE INDEX documents_list ON documents (date DESC NULLS LAST, id);
      CREATE INDEX documents_list_publisher ON documents (publisher, date DESC NULLS LAST, id);

      DROP INDEX events_date;
      DROP INDEX events_type;
      DROP INDEX events_conflicts;
      CREATE INDEX events_list ON events (date_start DESC NULLS LAST, document_count DESC, id);
      CREATE INDEX events_list_type ON events (type, date_start DESC NULLS LAST, document_count DESC, id);
      CREATE INDEX events_list_conflicts ON events (date_start DESC NULLS LAST, document_count DESC, id) WHERE conflict_count > 0;
      ALTER TABLE events ADD COLUMN date_value TEXT;
      UPDATE events SET date_value = (data::json -> 'date')::text WHERE json_typeof(data::json -> 'date') = 'object';

      ALTER TABLE document_entities ADD COLUMN date TEXT COLLATE "C";
      UPDATE document_entities de SET date = d.date FROM documents d WHERE d.id = de.doc_id;
      CREATE INDEX document_entities_entity_date ON document_entities (entity_id, date DESC NULLS LAST, doc_id);

      ALTER TABLE event_participants ADD COLUMN date_start TEXT COLLATE "C";
      UPDATE event_participants p SET date_start = e.date_start FROM events e WHERE e.id = p.event_id;
      DROP INDEX event_participants_entity;
      CREATE INDEX event_participants_entity_date ON event_participants (entity_id, date_start DESC NULLS LAST, event_id);
    `,
  },
];

export const latestVersion: number = migrations.reduce((max, m) => Math.max(max, m.version), 0);

/** Bookkeeping of applied migrations; portable as written. */
export const MIGRATIONS_TABLE_SQL = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
  )
`;
