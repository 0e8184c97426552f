/**
 * Entity identity across documents. A document's entities are local (`e1`, `e2`); this gives each a
 * global id that is the same in every document that names the same thing:
 *   - a name (or one of the entity's aliases) in the alias table or a gazetteer resolves to that
 *     entry's id: "Kiev" and "Kyiv" -> `place:kyiv`, "Zelenskyy" -> `person:volodymyr-zelensky`,
 *     "CIA" -> `organization:central-intelligence-agency`;
 *   - otherwise the id is the type and the normalised name: `person:tatiana-stanovaya`;
 *   - a person known only by a surname takes the id of the one person with that surname that the
 *     batch (or the store, through a `SurnameIndex`) knows by full name; with none or several, it
 *     keeps its own.
 * Everything here is pure and deterministic: the result of `mergeEntities` does not depend on the
 * order of the documents or of their entities.
 */
import type { EntityFinding, EntityType } from '../model/findings.js';
import { lexicon } from '../nlp/entities/lexicon.js';
import { nameKey, slug } from '../nlp/entities/normalise.js';

export interface EntityLike {
  type: EntityType;
  name: string;
  aliases?: readonly string[];
}

/** Full-name people by surname: `surname -> ids`. */
export type SurnameIndex = ReadonlyMap<string, ReadonlySet<string>>;

export interface GlobalEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  affiliations: string[];
  /** Which document-local entities are this one. */
  members: Array<{ document: string; key: string }>;
}

function known(type: EntityType, name: string): { id: string; name: string } | null {
  const entry = lexicon().byName.get(`${type}|${nameKey(name)}`);
  return entry ? { id: entry.id, name: entry.name } : null;
}

/** Entries by type, name and aliases: names recur across documents (bounded). */
const entries = new Map<string, { id: string; name: string } | null>();

/** The alias-table or gazetteer entry for an entity, trying its name, then its aliases, longest first. */
function knownEntry(e: EntityLike): { id: string; name: string } | null {
  const key = `${e.type}\u0000${e.name}\u0000${(e.aliases ?? []).join('\u0000')}`;
  const cached = entries.get(key);
  if (cached !== undefined) return cached;
  const entry = lookupEntry(e);
  if (entries.size >= 50_000) entries.clear();
  entries.set(key, entry);
  return entry;
}

function lookupEntry(e: EntityLike): { id: string; name: string } | null {
  const hit = known(e.type, e.name);
  if (hit) return hit;
  const aliases = [...(e.aliases ?? [])].sort((a, b) => b.length - a.length || a.localeCompare(b));
  for (const alias of aliases) {
    const viaAlias = known(e.type, alias);
    if (viaAlias) return viaAlias;
  }
  return null;
}

function surnameOf(name: string): string | null {
  const words = nameKey(name).split(' ');
  return words.length >= 2 ? (words[words.length - 1] as string) : null;
}

function isSurnameOnly(e: EntityLike): boolean {
  return e.type === 'person' && nameKey(e.name).split(' ').length === 1;
}

/** Index people known by full name, so that a bare surname elsewhere can find them. */
export function surnameIndex(people: Iterable<{ id: string; name: string; type: EntityType }>): SurnameIndex {
  const index = new Map<string, Set<string>>();
  for (const p of people) {
    if (p.type !== 'person') continue;
    const surname = surnameOf(p.name);
    if (!surname) continue;
    const ids = index.get(surname) ?? new Set<string>();
    ids.add(p.id);
    index.set(surname, ids);
  }
  return index;
}

/** The stable global id of an entity; `people` lets a bare surname resolve to a known full name. */
export function globalEntityId(e: EntityLike, people?: SurnameIndex): string {
  const entry = knownEntry(e);
  if (entry) return entry.id;
  if (people && isSurnameOnly(e)) {
    const ids = people.get(nameKey(e.name));
    if (ids && ids.size === 1) return [...ids][0] as string;
  }
  return `${e.type}:${slug(e.name) || 'unnamed'}`;
}

/** The name a global entity is shown by: the alias table's, else the longest (then alphabetically first). */
function bestName(names: string[], id: string, type: EntityType): string {
  for (const n of names) {
    const k = known(type, n);
    if (k && k.id === id) return k.name;
  }
  return [...names].sort((a, b) => b.length - a.length || a.localeCompare(b))[0] ?? id;
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** Merge a batch of documents' entities into global entities with their aliases. */
export function mergeEntities(batch: ReadonlyArray<{ document: string; entities: readonly EntityFinding[] }>): GlobalEntity[] {
  const all = batch.flatMap(({ document, entities }) => entities.map((e) => ({ document, e })));
  // First pass: ids from names alone; full-name people become the surname index.
  const firstIds = all.map(({ e }) => globalEntityId(e));
  const people = surnameIndex(all.map(({ e }, k) => ({ id: firstIds[k] as string, name: e.name, type: e.type })));
  const groups = new Map<string, { type: EntityType; names: string[]; roles: string[]; affiliations: string[]; members: Array<{ document: string; key: string }> }>();
  all.forEach(({ document, e }, k) => {
    const id = isSurnameOnly(e) ? globalEntityId(e, people) : (firstIds[k] as string);
    const g = groups.get(id) ?? { type: e.type, names: [], roles: [], affiliations: [], members: [] };
    g.names.push(e.name, ...e.aliases);
    g.roles.push(...e.roles);
    g.affiliations.push(...e.affiliations);
    g.members.push({ document, key: e.key });
    groups.set(id, g);
  });
  const out: GlobalEntity[] = [];
  for (const [id, g] of groups) {
    const name = bestName(sorted(g.names), id, g.type);
    out.push({
      id,
      name,
      type: g.type,
      aliases: sorted(g.names).filter((n) => n !== name),
      roles: sorted(g.roles),
      affiliations: sorted(g.affiliations),
      members: [...g.members].sort((a, b) => a.document.localeCompare(b.document) || a.key.localeCompare(b.key, 'en', { numeric: true })),
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
