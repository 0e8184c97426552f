/**
 * Who is who across the documents compared together: a document-local entity key ("e2") to its
 * global id and display name, so that "Naryshkin" in one document and "Sergei Naryshkin" in another
 * hold one account.
 */
import type { AnalysedDocument } from '../../model/document.js';
import type { EntityType } from '../../model/findings.js';
import { mergeEntities } from '../entities.js';
import { displayName } from '../../nlp/entities/normalise.js';

export interface GlobalRef {
  id: string;
  name: string;
  type: EntityType;
  /** Countries or organisations the entity belongs to ("United States"). */
  affiliations: string[];
  /** Titles and descriptions ("CIA Director"). */
  roles: string[];
  /** Other names it goes by ("Joseph Biden" for "Joe Biden"). */
  aliases: string[];
}

export interface EntityIndex {
  /** The global entity a document-local key is, or null when the key is unknown. */
  of(doc: string, key: string): GlobalRef | null;
  /** Document-local keys of a global entity in one document. */
  keysIn(doc: string, id: string): string[];
  /** A global entity by id. */
  byId(id: string): GlobalRef | null;
}

export function entityIndex(docs: readonly AnalysedDocument[]): EntityIndex {
  const merged = mergeEntities(docs.map((a) => ({ document: a.doc.id, entities: a.entities })));
  const byLocal = new Map<string, GlobalRef>();
  const keys = new Map<string, string[]>();
  const ids = new Map<string, GlobalRef>();
  for (const g of merged) {
    const ref: GlobalRef = { id: g.id, name: displayName(g.name), type: g.type, affiliations: g.affiliations, roles: g.roles, aliases: g.aliases };
    ids.set(g.id, ref);
    for (const m of g.members) {
      byLocal.set(`${m.document}\u0000${m.key}`, ref);
      const k = `${m.document}\u0000${g.id}`;
      keys.set(k, [...(keys.get(k) ?? []), m.key]);
    }
  }
  return {
    of: (doc, key) => byLocal.get(`${doc}\u0000${key}`) ?? null,
    keysIn: (doc, id) => keys.get(`${doc}\u0000${id}`) ?? [],
    byId: (id) => ids.get(id) ?? null,
  };
}

const PRONOUN = /^(?:i|we|you|he|she|it|they|this|that|one|someone|there)$/i;
const FIRST_PERSON = /^(?:i|we|me|us)$/i;

/**
 * A readable name from a source span when no entity was resolved: "U.S. officials who spoke to
 * The Wall Street Journal" -> "U.S. officials", "The White House" -> "White House". Null for a bare
 * pronoun, which names no one by itself.
 */
export function nameFromSource(text: string): string | null {
  let s = displayName(text)
    .replace(/^[\s[("'“]+|[\s,;:)\]"'”]+$/g, '')
    .replace(/\s+(?:who|which|that|whom)\b.*$/i, '')
    .replace(/,.*$/, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim();
  if (s.length === 0 || PRONOUN.test(s)) return null;
  if (s.length > 60) s = `${s.slice(0, 59)}…`;
  return s;
}

export function isFirstPerson(text: string): boolean {
  return FIRST_PERSON.test(text.trim());
}
