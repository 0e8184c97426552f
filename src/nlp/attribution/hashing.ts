/**
 * Feature hashing: a feature is a template number mixed with up to three 32-bit parts, masked into
 * a fixed number of buckets, so the weights have a fixed size whatever the vocabulary and no
 * string is built per feature.
 */

/** Feature lists of a token range: features of token k are `ids[offsets[k]..offsets[k+1])`. */
export interface FeatureMatrix {
  offsets: Int32Array;
  ids: Int32Array;
}

/*
 * Hashes are signed 32-bit integers throughout: V8 keeps those unboxed, while unsigned values above
 * 2^31 become heap numbers on this hot path.
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function mix(h: number, x: number): number {
  const m = Math.imul(h ^ x, 0x5bd1e995);
  return m ^ (m >>> 15);
}

function featureId(template: number, a: number, b: number, c: number, mask: number): number {
  return mix(mix(mix(Math.imul(template, 0x9e3779b1), a), b), c) & mask;
}

const CACHE_LIMIT = 100_000;

/** A string-to-hash cache: news vocabulary repeats, and hashing is on the hot path. */
export class HashCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly compute: (s: string) => V) {}
  get(s: string): V {
    let v = this.map.get(s);
    if (v === undefined) {
      if (this.map.size >= CACHE_LIMIT) this.map.clear();
      v = this.compute(s);
      this.map.set(s, v);
    }
    return v;
  }
}

/** Collects the features of one token after another into a growing matrix. */
export class FeatureSink {
  private ids: Int32Array;
  private length = 0;
  private readonly offsets: Int32Array;
  private readonly mask: number;

  constructor(tokens: number, perToken: number, buckets: number) {
    this.ids = new Int32Array(tokens * perToken + 16);
    this.offsets = new Int32Array(tokens + 1);
    this.mask = buckets - 1;
  }

  /** Starts token `i` (tokens must come in order). */
  token(i: number): void {
    this.offsets[i] = this.length;
  }

  add(template: number, a: number, b: number, c: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = featureId(template, a, b, c, this.mask);
  }

  done(): FeatureMatrix {
    this.offsets[this.offsets.length - 1] = this.length;
    return { offsets: this.offsets, ids: this.ids.subarray(0, this.length) };
  }
}
