/**
 * Analyses as they travel from analysis workers to the writer, and a bounded cache of them for
 * linking.
 *
 * An analysis is sent as one `v8.serialize` buffer with its tokens packed in columns: tokens are
 * most of an analysis by count (some 700 objects for a 4 KB article), and their text and norm are
 * derivable from the document (`text` is the slice at the token's span, `norm` its lower case), so
 * packed they cost the writer's thread half as much to receive. A token that does not fit that
 * shape (a stage changed the model) makes the whole document travel unpacked: the analysis that
 * arrives is always the analysis that was made.
 */
import { deserialize, serialize } from 'node:v8';
import type { AnalysedDocument, Token } from '../model/document.js';

interface PackedTokens {
  starts: Int32Array;
  ends: Int32Array;
  sentences: Int32Array;
  /** POS tags joined by spaces (tags have none). */
  pos: string;
  /** The lemma when it differs from the norm, else null. */
  lemmas: Array<string | null>;
}

type Wire = AnalysedDocument & { packed: PackedTokens | null };

const TOKEN_KEYS = 'start,end,text,norm,lemma,pos,sentence';

function pack(a: AnalysedDocument): PackedTokens | null {
  const n = a.tokens.length;
  const packed: PackedTokens = {
    starts: new Int32Array(n),
    ends: new Int32Array(n),
    sentences: new Int32Array(n),
    pos: '',
    lemmas: new Array<string | null>(n),
  };
  const pos: string[] = new Array<string>(n);
  const text = a.doc.text;
  for (let i = 0; i < n; i++) {
    const t = a.tokens[i] as Token;
    if (Object.keys(t).join() !== TOKEN_KEYS || t.text !== text.slice(t.start, t.end) || t.norm !== t.text.toLowerCase() || t.pos.includes(' ') || t.pos === '') return null;
    packed.starts[i] = t.start;
    packed.ends[i] = t.end;
    packed.sentences[i] = t.sentence;
    pos[i] = t.pos;
    packed.lemmas[i] = t.lemma === t.norm ? null : t.lemma;
  }
  packed.pos = pos.join(' ');
  return packed;
}

function unpack(packed: PackedTokens, text: string): Token[] {
  const pos = packed.pos === '' ? [] : packed.pos.split(' ');
  const tokens = new Array<Token>(packed.starts.length);
  for (let i = 0; i < tokens.length; i++) {
    const start = packed.starts[i] as number;
    const end = packed.ends[i] as number;
    const value = text.slice(start, end);
    const norm = value.toLowerCase();
    tokens[i] = { start, end, text: value, norm, lemma: packed.lemmas[i] ?? norm, pos: pos[i] as string, sentence: packed.sentences[i] as number };
  }
  return tokens;
}

/** The bytes a worker sends for one analysis. */
export function encodeAnalysis(a: AnalysedDocument): Uint8Array {
  const packed = pack(a);
  const wire: Wire = packed ? { ...a, tokens: [], packed } : { ...a, packed: null };
  return serialize(wire);
}

/**
 * The analysis back from its bytes. `tokens: false` leaves packed tokens out (the store does not
 * keep tokens, so the writer need not build them); unpacked ones come with the rest anyway.
 */
export function decodeAnalysis(bytes: Uint8Array, options: { tokens: boolean }): AnalysedDocument {
  const { packed, ...a } = deserialize(bytes) as Wire;
  if (packed && options.tokens) a.tokens = unpack(packed, a.doc.text);
  return a;
}

/** Roughly what an analysis object holds on the heap, per UTF-16 unit of text (measured: ~37). */
const HEAP_BYTES_PER_CHAR = 40;

type Entry = { bytes: Uint8Array; size: number } | { analysis: AnalysedDocument; size: number };

/**
 * The analyses of recently written documents, so linking does not analyse them again (update.ts
 * re-analyses a stored document it finds no analysis for). Bounded by an estimate of the memory it
 * holds; the least recently used go first. A document's analysis is the same whoever made it (the
 * pipeline is deterministic), so a cached one and a recomputed one are interchangeable.
 */
export class AnalysisCache implements ReadonlyMap<string, AnalysedDocument> {
  private readonly held = new Map<string, Entry>();
  private heldBytes = 0;

  constructor(private readonly budgetBytes: number) {}

  /** Keeps a worker's bytes as they came (decoded on use). */
  putBytes(id: string, bytes: Uint8Array): void {
    this.put(id, { bytes, size: bytes.byteLength });
  }

  /** Keeps an analysis made in this thread as it is. */
  putAnalysis(a: AnalysedDocument): void {
    this.put(a.doc.id, { analysis: a, size: a.doc.text.length * HEAP_BYTES_PER_CHAR });
  }

  private put(id: string, entry: Entry): void {
    this.drop(id);
    if (entry.size > this.budgetBytes) return;
    this.held.set(id, entry);
    this.heldBytes += entry.size;
    for (const [oldest, e] of this.held) {
      if (this.heldBytes <= this.budgetBytes) break;
      this.held.delete(oldest);
      this.heldBytes -= e.size;
    }
  }

  private drop(id: string): void {
    const old = this.held.get(id);
    if (!old) return;
    this.held.delete(id);
    this.heldBytes -= old.size;
  }

  get(id: string): AnalysedDocument | undefined {
    const entry = this.held.get(id);
    if (!entry) return undefined;
    // Used again: to the young end.
    this.held.delete(id);
    this.held.set(id, entry);
    return 'analysis' in entry ? entry.analysis : decodeAnalysis(entry.bytes, { tokens: true });
  }

  has(id: string): boolean {
    return this.held.has(id);
  }

  get size(): number {
    return this.held.size;
  }

  /** Estimated bytes held. */
  get bytes(): number {
    return this.heldBytes;
  }

  *entries(): Generator<[string, AnalysedDocument], undefined, unknown> {
    for (const id of [...this.held.keys()]) {
      const a = this.get(id);
      if (a) yield [id, a];
    }
    return undefined;
  }

  *keys(): Generator<string, undefined, unknown> {
    yield* [...this.held.keys()];
    return undefined;
  }

  *values(): Generator<AnalysedDocument, undefined, unknown> {
    for (const [, a] of this.entries()) yield a;
    return undefined;
  }

  [Symbol.iterator](): Generator<[string, AnalysedDocument], undefined, unknown> {
    return this.entries();
  }

  forEach(fn: (value: AnalysedDocument, key: string, map: ReadonlyMap<string, AnalysedDocument>) => void): void {
    for (const [id, a] of this.entries()) fn(a, id, this);
  }
}
