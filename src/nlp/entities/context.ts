/**
 * What the entity passes share while they read one document: token keys and flags computed once,
 * gazetteer phrase matching, and the candidate mentions found so far.
 */
import type { AnalysedDocument, Token } from '../../model/document.js';
import type { EntityType, Mention } from '../../model/findings.js';
import { lexicon, type GazetteerEntry, type Gender, type Lexicon, type Phrase } from './lexicon.js';
import { tokenKey } from './normalise.js';

export interface TokenRange {
  from: number;
  to: number;
}

/** A mention before identity is decided. Token indices are half-open `[from, to)`. */
export interface Candidate extends TokenRange {
  type: EntityType | null;
  form: Mention['form'];
  sentence: number;
  entry: GazetteerEntry | null;
  /** Role phrase before or after the name ("CIA Director", "an analyst"). */
  roles: readonly TokenRange[];
  /** Preceded by a title or an honorific: a lone capitalised word after one is a person. */
  titled: boolean;
  gender: Gender;
  /** Country an organisation or group belongs to ("Russia's Federal Security Council" -> Russia). */
  country: string | null;
  /** All countries qualifying a group ("U.S. and Russian officials"). */
  countries: readonly string[];
  /** Head noun of a description or group ("official", "officials"). */
  head: string | null;
  /** Entities named inside a group or description ("U.S. officials" -> United States). */
  modifiers: readonly Candidate[];
  /** An indefinite description ("a senior official"): someone not mentioned before. */
  fresh: boolean;
  /** Identity: index of the cluster (entity) this mention belongs to, -1 until decided. */
  cluster: number;
  /** Fixed identity key for groups and org descriptions ("group:officials|united-states"). */
  key: string | null;
}

/** Shared empty list for candidate fields most candidates leave empty; replaced, never pushed to. */
const NONE: readonly never[] = [];

export interface PhraseMatch extends TokenRange {
  phrase: Phrase;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** `tokenKey` of a token, from its lower-cased form when that is plain ASCII (most tokens). */
function fastKey(t: Token): string {
  const norm = t.norm;
  const last = norm.length - 1;
  if (NON_ASCII.test(norm)) return tokenKey(t.text);
  return last > 0 && norm.charCodeAt(last) === 46 ? norm.slice(0, last) : norm;
}

export class DocContext {
  readonly lex: Lexicon = lexicon();
  readonly tokens: Token[];
  private readonly keys: Array<string | undefined>;
  readonly caps: Uint8Array;
  /**
   * Words capitalised at a clause start that the document also writes in lower case: there they are
   * ordinary words ("Experts", "Contrary"), not names. Only clause starts ask, so only their words are kept.
   */
  readonly lowerWords = new Set<string>();
  readonly sentenceStart: Int32Array;
  candidates: Candidate[] = [];

  constructor(readonly a: AnalysedDocument) {
    this.tokens = a.tokens;
    const n = a.tokens.length;
    this.keys = new Array<string | undefined>(n);
    this.caps = new Uint8Array(n);
    this.sentenceStart = new Int32Array(a.sentences.length);
    a.sentences.forEach((s, i) => (this.sentenceStart[i] = s.firstToken));
    const startWords = new Set<string>();
    for (let i = 0; i < n; i++) {
      const t = a.tokens[i] as Token;
      const c = t.text.charCodeAt(0);
      const upper = (c >= 65 && c <= 90) || (c > 127 && t.text[0] !== t.text[0]?.toLowerCase());
      this.caps[i] = upper ? 1 : 0;
      if (upper && this.atClauseStart(i)) startWords.add(t.norm);
    }
    // A lower-case ASCII word's key is its lower-cased form.
    for (let i = 0; i < n; i++) {
      const t = a.tokens[i] as Token;
      const c = t.text.charCodeAt(0);
      if (c >= 97 && c <= 122 && startWords.has(t.norm)) this.lowerWords.add(t.norm);
    }
  }

  /** `tokenKey` of token i, computed on first use (most tokens are never looked up). */
  key(i: number): string {
    let k = this.keys[i];
    if (k === undefined) {
      const t = this.tokens[i];
      if (!t) return '';
      k = fastKey(t);
      this.keys[i] = k;
    }
    return k;
  }

  text(i: number): string {
    return this.tokens[i]?.text ?? '';
  }

  pos(i: number): string {
    return this.tokens[i]?.pos ?? '';
  }

  isCap(i: number): boolean {
    return this.caps[i] === 1;
  }

  /** True when no space separates token i from token i + 1. */
  glued(i: number): boolean {
    const a = this.tokens[i];
    const b = this.tokens[i + 1];
    return a !== undefined && b !== undefined && a.end === b.start;
  }

  /** First token of the sentence, or right after an opening quote, bracket, dash or colon. */
  atClauseStart(i: number): boolean {
    const t = this.tokens[i];
    if (!t) return false;
    if (this.sentenceStart[t.sentence] === i) return true;
    const prev = this.text(i - 1);
    return prev === '“' || prev === '"' || prev === '‘' || prev === '(' || prev === '—' || prev === '–' || prev === ':' || prev === "'";
  }

  isPossessive(i: number): boolean {
    const k = this.key(i);
    return k === "'s" || k === "'";
  }

  /** Longest gazetteer phrase starting at token i, within the sentence ending before `end`. */
  matchPhrase(i: number, end: number): PhraseMatch | null {
    let node = this.lex.trie.get(this.key(i));
    let best: PhraseMatch | null = null;
    let j = i;
    while (node) {
      for (const phrase of node.phrases) {
        if (this.phraseFits(phrase, i)) {
          best = { from: i, to: j + 1, phrase };
          break;
        }
      }
      j++;
      if (j >= end || !node.next) break;
      node = node.next.get(this.key(j));
    }
    return best;
  }

  /** A phrase starts with a capital unless written otherwise ("al-Qaeda"); an acronym matches only in capitals. */
  private phraseFits(phrase: Phrase, i: number): boolean {
    if (!this.isCap(i) && phrase.first !== this.text(i)) return false;
    if (!phrase.exact) return true;
    return phrase.exact.every((e, k) => {
      const t = this.text(i + k);
      return e === t || (t.endsWith('.') && e === t.slice(0, -1));
    });
  }

  candidate(from: number, to: number, type: EntityType | null, form: Mention['form'] = 'name'): Candidate {
    return {
      from,
      to,
      type,
      form,
      sentence: this.tokens[from]?.sentence ?? 0,
      entry: null,
      roles: NONE,
      titled: false,
      gender: '',
      country: null,
      countries: NONE,
      head: null,
      modifiers: NONE,
      fresh: false,
      cluster: -1,
      key: null,
    };
  }

  spanText(from: number, to: number): string {
    const a = this.tokens[from];
    const b = this.tokens[to - 1];
    return a && b ? this.a.doc.text.slice(a.start, b.end) : '';
  }
}
