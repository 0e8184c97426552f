/**
 * How names are compared. Case, diacritics, curly vs straight apostrophes, a trailing period and
 * the periods of an acronym ("U.S." / "US") never make two names different; the words do.
 */

const COMBINING = /[\u0300-\u036f]/g;

function fold(text: string): string {
  let s = text.toLowerCase();
  if (/[^\x00-\x7f]/.test(s)) {
    s = s.normalize('NFD').replace(COMBINING, '').replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'");
    s = s.replace(/[\u2010-\u2015]/g, '-');
  }
  return s;
}

/** Keys are computed once per distinct word; the cache is dropped when it grows past this. */
const CACHE_LIMIT = 200_000;
const tokenKeys = new Map<string, string>();
const nameKeys = new Map<string, string>();

function cached(cache: Map<string, string>, text: string, compute: (t: string) => string): string {
  let v = cache.get(text);
  if (v === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    v = compute(text);
    cache.set(text, v);
  }
  return v;
}

/** Key of one token for lexicon look-ups: lower case, no diacritics, straight apostrophe, no final period. */
export function tokenKey(token: string): string {
  return cached(tokenKeys, token, (t) => {
    const s = fold(t);
    return s.length > 1 && s.endsWith('.') ? s.slice(0, -1) : s;
  });
}

/** Honorifics and generational suffixes are not part of who someone is. */
const DROP_WORDS = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'mr', 'mrs', 'ms', 'dr']);

/**
 * Key of a whole name: folded, possessive and leading "the" removed, acronym periods dropped,
 * middle initials and suffixes dropped ("Joseph R. Biden Jr." = "joseph biden").
 */
export function nameKey(name: string): string {
  return cached(nameKeys, name, computeNameKey);
}

function computeNameKey(name: string): string {
  let s = fold(name).replace(/['’]s$/, '').trim();
  s = s.replace(/^the\s+/, '');
  s = s.replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1').replace(/\b([a-z]{1,4})\.(?=\s|$)/g, '$1');
  const words = s.split(/[\s,]+/).filter(Boolean);
  const kept = words.filter((w, i) => !(DROP_WORDS.has(w) || (i > 0 && i < words.length - 1 && /^[a-z]$/.test(w))));
  return (kept.length > 0 ? kept : words).join(' ');
}

/** URL- and id-safe form of a name: "Russia's Foreign Intelligence Service" -> "russias-foreign-intelligence-service". */
export function slug(name: string): string {
  return nameKey(name)
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The text of a name as shown to a reader: curly apostrophes straightened, spaces collapsed. */
export function displayName(text: string): string {
  if (text.indexOf('\u2019') < 0 && text.indexOf('\u2018') < 0 && text.indexOf('  ') < 0 && !/[\t\n\r]/.test(text) && text.trim() === text) return text;
  return text.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
}
