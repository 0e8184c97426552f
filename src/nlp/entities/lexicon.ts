/**
 * The entity gazetteers and word lists in `data/`, loaded once per process into Maps and Sets.
 *
 * Multi-word names are matched as token sequences: a phrase is cut into tokens the way wink cuts
 * text (hyphens and possessives are their own tokens), and each token is compared by `tokenKey`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../model/findings.js';
import { nameKey, slug, tokenKey } from './normalise.js';
import { packagePath } from '../../paths.js';

export interface GazetteerEntry {
  /** Stable id: `type:slug-of-canonical-name`. */
  id: string;
  name: string;
  type: EntityType;
  /** Country the place is in, the organisation or person belongs to (canonical country name). */
  country: string | null;
  /** A known person's gender, from the given name of the canonical name. */
  gender: Gender;
}

export interface Phrase {
  keys: string[];
  /** The phrase's first token as written: a phrase may start lower-case only if it is written so ("al-Qaeda"). */
  first: string;
  /** Exact token texts, for all-capital acronyms that must not match ordinary words ("WHO", "IS", "US"). */
  exact: string[] | null;
  entry: GazetteerEntry;
  /** The matched text is a nationality adjective or people noun ("Russian", "Russians"), not a name. */
  demonym: boolean;
  plural: boolean;
}

/** A trie over token keys: the phrases that end at this node, and the tokens that continue one. */
export interface PhraseNode {
  phrases: Phrase[];
  next: Map<string, PhraseNode> | null;
}

export type Gender = 'm' | 'f' | '';

export interface Lexicon {
  /** Phrases by their token keys, as a trie: the root maps a first token's key to its node. */
  trie: Map<string, PhraseNode>;
  /** Keys of lower-case words that start a phrase ("the", "al"): only these are tried when not capitalised. */
  lowerStarts: Set<string>;
  givenNames: Map<string, Gender>;
  titles: Set<string>;
  honorifics: Map<string, Gender>;
  titleAbbreviations: Map<string, string>;
  genderedTitles: Map<string, Gender>;
  roleModifiers: Set<string>;
  orgCues: Set<string>;
  orgOfHeads: Set<string>;
  placeCues: Set<string>;
  placePrefixes: Set<string>;
  miscCues: Set<string>;
  /** First words of names that are neither people, places nor organisations ("Hurricane Sandy"). */
  miscPrefixes: Set<string>;
  groupHeads: Set<string>;
  groupHeadsNeedModifier: Set<string>;
  orgDescriptionHeads: Set<string>;
  /** Heads of "the agency", "the campaign": an organisation named earlier, or one of its own. */
  orgAnaphorHeads: Set<string>;
  quantifiers: Set<string>;
  pronouns: Map<string, 'm' | 'f' | 'p'>;
  descriptionHeads: Set<string>;
  genericPersonHeads: Set<string>;
  /** A title and the titles that may describe the same person ("chief" ~ "head", "director"). */
  titleSynonyms: Map<string, Set<string>>;
  nonNames: Set<string>;
  speechVerbs: Set<string>;
  /** Every word that can head a group, description or pronoun mention (a fast first filter). */
  referenceHeads: Set<string>;
  /** Party adjectives and the party they stand for ("Republican" -> Republican Party). */
  partyAdjectives: Map<string, string>;
  /** Every known name of a gazetteer or alias-table entity, by `type|nameKey`, to its entry. */
  byName: Map<string, GazetteerEntry>;
  /** Country gazetteer entries by canonical name. */
  countries: Map<string, GazetteerEntry>;
}

interface LexiconJson {
  titles: string[];
  honorifics: Record<string, Gender>;
  titleAbbreviations: Record<string, string>;
  genderedTitles: Record<string, Gender>;
  roleModifiers: string[];
  orgCues: string[];
  orgOfHeads: string[];
  placeCues: string[];
  placePrefixes: string[];
  miscCues: string[];
  miscPrefixes: string[];
  groupHeads: string[];
  groupHeadsNeedModifier: string[];
  orgDescriptionHeads: string[];
  orgAnaphorHeads: string[];
  groupHeadsExtra: string[];
  quantifiers: string[];
  pronouns: Record<string, 'm' | 'f' | 'p'>;
  personDescriptionHeads: string[];
  genericPersonHeads: string[];
  titleSynonyms: string[][];
  capitalisedNonNames: string[];
  speechVerbs: string[];
  partyAdjectives: Record<string, string>;
}

interface PlaceJson {
  name: string;
  alt?: string[];
  adj?: string[];
  country?: string;
  capital?: string;
}

interface PlacesJson {
  countries: PlaceJson[];
  cities: PlaceJson[];
  regions: PlaceJson[];
  usStates: string[][];
}

interface OrgJson {
  name: string;
  alt?: string[];
  country?: string;
}

interface AliasJson {
  type: EntityType;
  canonical: string;
  variants: string[];
  country?: string;
}

let cached: Lexicon | null = null;

/** The package's shipped `data/` folder. */
export function dataDir(): string {
  return packagePath('data');
}

export function readData<T>(file: string): T {
  const path = join(dataDir(), file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (cause) {
    throw new Error(`entities: cannot read ${path}`, { cause });
  }
}

export function lexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}

/** Cut a name into token keys the way wink tokenises it. */
export function phraseTokens(phrase: string): string[] {
  const out: string[] = [];
  for (const word of phrase.split(/\s+/)) {
    if (!word) continue;
    let w = word.replace(/,$/, '');
    const comma = w !== word;
    let possessive = '';
    const m = /^(.+?)(['’]s)$/.exec(w);
    if (m && m[1] && m[2]) {
      w = m[1];
      possessive = m[2];
    }
    const parts = w.split('-');
    parts.forEach((p, i) => {
      if (i > 0) out.push('-');
      if (p) out.push(p);
    });
    if (possessive) out.push(possessive);
    if (comma) out.push(',');
  }
  return out;
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 5 && /^[A-Z][A-Z0-9]+$/.test(word);
}

function buildLexicon(): Lexicon {
  const words = readData<LexiconJson>('entity-lexicon.json');
  const places = readData<PlacesJson>('places.json');
  const orgs = readData<{ organizations: OrgJson[] }>('organizations.json');
  const aliases = readData<{ entries: AliasJson[] }>('aliases.json');
  const given = readData<{ male: string[]; female: string[]; unisex: string[] }>('given-names.json');

  const phrases = new Map<string, Phrase[]>();
  const byName = new Map<string, GazetteerEntry>();
  const entries = new Map<string, GazetteerEntry>();
  const countries = new Map<string, GazetteerEntry>();

  const entry = (type: EntityType, name: string, country: string | null): GazetteerEntry => {
    const id = `${type}:${slug(name)}`;
    let e = entries.get(id);
    if (!e) {
      e = { id, name, type, country, gender: '' };
      entries.set(id, e);
    }
    return e;
  };
  const addPhrase = (text: string, e: GazetteerEntry, demonym = false, plural = false): void => {
    const tokens = phraseTokens(text);
    if (tokens.length === 0) return;
    const keys = tokens.map(tokenKey);
    const exact = tokens.length === 1 && isAcronym(text) ? tokens : null;
    const first = keys[0] as string;
    const list = phrases.get(first) ?? [];
    if (list.some((p) => p.entry === e && p.keys.join(' ') === keys.join(' '))) return;
    list.push({ keys, first: tokens[0] as string, exact, entry: e, demonym, plural });
    phrases.set(first, list);
    if (!demonym) {
      const k = `${e.type}|${nameKey(text)}`;
      if (!byName.has(k)) byName.set(k, e);
    }
  };
  const addNames = (e: GazetteerEntry, names: Iterable<string>): void => {
    for (const n of names) {
      addPhrase(n, e);
      if (/^the /i.test(n)) addPhrase(n.slice(4), e);
    }
  };

  for (const c of places.countries) {
    const e = entry('place', c.name.replace(/ \(country\)$/, ''), null);
    e.country = e.name;
    countries.set(e.name, e);
    if (!c.name.endsWith('(country)')) addNames(e, [c.name]);
    addNames(e, c.alt ?? []);
    for (const adj of c.adj ?? []) {
      addPhrase(adj, e, true);
      const plural = /(wo)?man$/.test(adj) ? adj.replace(/man$/, 'men') : /(ese|sh|ch|ss|s)$/.test(adj) ? null : `${adj}s`;
      if (plural) addPhrase(plural, e, true, true);
    }
  }
  for (const p of [...places.cities, ...places.regions]) {
    const e = entry('place', p.name.replace(/^the /, ''), p.country ?? null);
    addNames(e, [p.name, ...(p.alt ?? [])]);
  }
  for (const [name, ...alt] of places.usStates) {
    if (!name) continue;
    const e = entry('place', name, 'United States');
    addNames(e, [name.replace(/ State$/, ''), ...alt]);
    if (name.endsWith(' State')) addNames(e, [name]);
  }
  for (const o of orgs.organizations) {
    const e = entry('organization', o.name, o.country ?? null);
    addNames(e, [o.name, ...(o.alt ?? [])]);
  }
  for (const a of aliases.entries) {
    const known = byName.get(`${a.type}|${nameKey(a.canonical)}`);
    const e = known ?? entry(a.type, a.canonical, a.country ?? null);
    addNames(e, [a.canonical, ...a.variants]);
  }
  const trie = new Map<string, PhraseNode>();
  for (const list of phrases.values()) {
    for (const phrase of list) {
      let level = trie;
      let node: PhraseNode | undefined;
      phrase.keys.forEach((key, k) => {
        if (k > 0 && node) level = node.next ??= new Map();
        node = level.get(key);
        if (!node) {
          node = { phrases: [], next: null };
          level.set(key, node);
        }
      });
      node?.phrases.push(phrase);
    }
  }

  const givenNames = new Map<string, Gender>();
  for (const n of given.male) givenNames.set(tokenKey(n), 'm');
  for (const n of given.female) givenNames.set(tokenKey(n), 'f');
  for (const n of given.unisex) givenNames.set(tokenKey(n), '');

  for (const e of entries.values()) {
    if (e.type === 'person') e.gender = givenNames.get(tokenKey(e.name.split(' ')[0] ?? '')) ?? '';
  }

  const titleSynonyms = new Map<string, Set<string>>();
  for (const group of words.titleSynonyms) {
    for (const t of group) {
      const set = titleSynonyms.get(t) ?? new Set([t]);
      for (const u of group) set.add(u);
      titleSynonyms.set(t, set);
    }
  }
  const set = (list: string[]): Set<string> => new Set(list.map(tokenKey));
  const map = <V>(record: Record<string, V>): Map<string, V> =>
    new Map(Object.entries(record).map(([k, v]) => [tokenKey(k), v]));
  const lowerStarts = new Set<string>();
  for (const [key, list] of phrases) if (list.some((p) => !/^\p{Lu}/u.test(p.first))) lowerStarts.add(key);
  const referenceHeads = set([
    ...words.groupHeads,
    ...words.groupHeadsExtra,
    ...words.orgDescriptionHeads,
    ...words.orgAnaphorHeads,
    ...words.personDescriptionHeads,
    ...words.titles,
    ...Object.keys(words.pronouns),
    'who',
  ]);
  return {
    referenceHeads,
    trie,
    lowerStarts,
    givenNames,
    titles: set(words.titles),
    honorifics: map(words.honorifics),
    titleAbbreviations: map(words.titleAbbreviations),
    genderedTitles: map(words.genderedTitles),
    roleModifiers: set(words.roleModifiers),
    orgCues: set(words.orgCues),
    orgOfHeads: set(words.orgOfHeads),
    placeCues: set(words.placeCues),
    placePrefixes: set(words.placePrefixes),
    miscCues: set(words.miscCues),
    miscPrefixes: set(words.miscPrefixes),
    groupHeads: set([...words.groupHeads, ...words.groupHeadsExtra]),
    groupHeadsNeedModifier: set(words.groupHeadsNeedModifier),
    orgDescriptionHeads: set(words.orgDescriptionHeads),
    orgAnaphorHeads: set(words.orgAnaphorHeads),
    quantifiers: set(words.quantifiers),
    pronouns: map(words.pronouns),
    descriptionHeads: set(words.personDescriptionHeads),
    genericPersonHeads: set(words.genericPersonHeads),
    titleSynonyms,
    nonNames: set(words.capitalisedNonNames),
    speechVerbs: set(words.speechVerbs),
    partyAdjectives: map(words.partyAdjectives),
    byName,
    countries,
  };
}
