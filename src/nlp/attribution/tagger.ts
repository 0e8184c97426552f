/**
 * A first-order linear tagger: hashed emission weights per (feature bucket, tag) plus tag-to-tag
 * transition weights, decoded with Viterbi one paragraph at a time. The same code decodes during
 * training (scripts/train-attribution.ts), so what is trained is exactly what runs.
 *
 * Speed: reading the emission weights is the cost (one random read per feature and token), so the
 * shipped weights stay 8-bit at run time (`Int8Array` times `scale`): four times less memory than
 * floats, which keeps them in the processor's cache. Two levels read the same base features, so
 * at run time their weights sit side by side in one table (`pairLevels`): one cache line serves
 * both, and level 2 pays only for the features it adds.
 */
import type { FeatureMatrix } from './hashing.js';
import { allowedTransition, TAG_COUNT } from './tags.js';

export interface TaggerWeights {
  /** Power of two. */
  buckets: number;
  /** `emission[bucket * TAG_COUNT + tag] * scale`; floats while training, 8-bit when shipped. */
  emission: Float32Array | Int8Array;
  scale: number;
  /** `transition[from * TAG_COUNT + to]`; row TAG_COUNT is the start of a paragraph. */
  transition: Float32Array;
}

export function emptyWeights(buckets: number): TaggerWeights {
  return {
    buckets,
    emission: new Float32Array(buckets * TAG_COUNT),
    scale: 1,
    transition: new Float32Array((TAG_COUNT + 1) * TAG_COUNT),
  };
}

const T = TAG_COUNT;
const FORBIDDEN = -1e30;
/** For each tag, the tags it may follow (I-X only after B-X or I-X). */
const FROM: readonly Int8Array[] = Array.from({ length: T }, (_, to) =>
  Int8Array.from(Array.from({ length: T }, (_, from) => from).filter((from) => allowedTransition(from, to))),
);

/** Buffers reused across calls while training (one paragraph at a time, no re-entry). */
const scratch = { rows: new Float64Array(1024 * T) };

/**
 * Tags tokens `first..last` (inclusive) into `out`, computing their emission scores from `features`
 * (training decodes this way). A token with `forced[i] >= 0` can only take that tag (fixed cues
 * such as "according to").
 */
export function viterbi(
  w: TaggerWeights,
  features: readonly FeatureMatrix[],
  first: number,
  last: number,
  out: Uint8Array,
  forced?: Int8Array,
): void {
  const len = last - first + 1;
  if (len <= 0) return;
  if (scratch.rows.length < len * T) scratch.rows = new Float64Array(len * T * 2);
  const rows = scratch.rows;
  for (let k = 0; k < len; k++) emissionScores(w, features, first + k, rows, k * T);
  decode(w.transition, rows, 1, 0, first, last, out, forced);
}

const dp = {
  score: new Float64Array(1024 * T),
  back: new Uint8Array(1024 * T),
};

/**
 * Viterbi over tokens `first..last` given their emission scores, `rows * scale`: token `first + k`
 * has its row at `rows[(rowOfFirst + k) * T ..]` (integer weight sums at run time, scores while
 * training, with scale 1). Both training and tagging end here, so what is trained is what runs.
 */
export function decode(
  transition: Float32Array,
  rows: Float64Array | Int32Array,
  scale: number,
  rowOfFirst: number,
  first: number,
  last: number,
  out: Uint8Array,
  forced?: Int8Array,
): void {
  const len = last - first + 1;
  if (len <= 0) return;
  if (dp.score.length < len * T) {
    dp.score = new Float64Array(len * T * 2);
    dp.back = new Uint8Array(len * T * 2);
  }
  const { score, back } = dp;
  for (let k = 0; k < len; k++) {
    const only = forced ? (forced[first + k] as number) : -1;
    const emit = (rowOfFirst + k) * T;
    const row = k * T;
    const prev = row - T;
    for (let to = 0; to < T; to++) {
      let best = FORBIDDEN * 2;
      let arg = 0;
      if (k === 0) {
        best = allowedTransition(-1, to) ? (transition[T * T + to] as number) : FORBIDDEN;
      } else {
        const froms = FROM[to] as Int8Array;
        for (let f = 0; f < froms.length; f++) {
          const from = froms[f] as number;
          const s = (score[prev + from] as number) + (transition[from * T + to] as number);
          if (s > best) {
            best = s;
            arg = from;
          }
        }
      }
      score[row + to] = best + (only >= 0 && to !== only ? FORBIDDEN : (rows[emit + to] as number) * scale);
      back[row + to] = arg;
    }
  }
  let tag = 0;
  let best = -Infinity;
  for (let t = 0; t < T; t++) {
    const s = score[(len - 1) * T + t] as number;
    if (s > best) {
      best = s;
      tag = t;
    }
  }
  for (let k = len - 1; k >= 0; k--) {
    out[first + k] = tag;
    tag = back[k * T + tag] as number;
  }
}

/** Sums the weights of the token's features, over every feature matrix (level 2: base and stacked), into `rows[at..at+T)`. */
function emissionScores(w: TaggerWeights, features: readonly FeatureMatrix[], token: number, rows: Float64Array, at: number): void {
  const e = w.emission;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  for (let m = 0; m < features.length; m++) {
    const matrix = features[m] as FeatureMatrix;
    const ids = matrix.ids;
    const end = matrix.offsets[token + 1] as number;
    for (let f = matrix.offsets[token] as number; f < end; f++) {
      const base = (ids[f] as number) * T;
      s0 += e[base] as number;
      s1 += e[base + 1] as number;
      s2 += e[base + 2] as number;
      s3 += e[base + 3] as number;
      s4 += e[base + 4] as number;
      s5 += e[base + 5] as number;
      s6 += e[base + 6] as number;
    }
  }
  const scale = w.scale;
  rows[at] = s0 * scale;
  rows[at + 1] = s1 * scale;
  rows[at + 2] = s2 * scale;
  rows[at + 3] = s3 * scale;
  rows[at + 4] = s4 * scale;
  rows[at + 5] = s5 * scale;
  rows[at + 6] = s6 * scale;
}

/** Tags every paragraph sequence of a document. */
export function tagAll(
  w: TaggerWeights,
  features: readonly FeatureMatrix[],
  sequences: ReadonlyArray<[number, number]>,
  n: number,
  forced?: Int8Array,
): Uint8Array {
  const out = new Uint8Array(n);
  for (const [first, last] of sequences) viterbi(w, features, first, last, out, forced);
  return out;
}

/** Two levels' emission weights interleaved: bucket b holds level 1's T weights, then level 2's. */
export function pairLevels(one: TaggerWeights, two: TaggerWeights): Int8Array {
  if (!(one.emission instanceof Int8Array) || !(two.emission instanceof Int8Array) || one.buckets !== two.buckets) {
    throw new Error('attribution tagger: only two 8-bit levels of one size can be paired');
  }
  const table = new Int8Array(one.buckets * 2 * T);
  for (let b = 0; b < one.buckets; b++) {
    table.set(one.emission.subarray(b * T, b * T + T), b * 2 * T);
    table.set(two.emission.subarray(b * T, b * T + T), b * 2 * T + T);
  }
  return table;
}

/**
 * The integer weight sums of every token's features under both paired levels: `first[i * T + t]`
 * for level 1, `second[...]` for level 2 (its base part; `addSums` adds the rest).
 */
export function pairedSums(table: Int8Array, matrix: FeatureMatrix, n: number): { first: Int32Array; second: Int32Array } {
  const first = new Int32Array(n * T);
  const second = new Int32Array(n * T);
  const { ids, offsets } = matrix;
  for (let i = 0; i < n; i++) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0;
    let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
    const end = offsets[i + 1] as number;
    for (let f = offsets[i] as number; f < end; f++) {
      const at = (ids[f] as number) * 2 * T;
      a0 += table[at] as number;
      a1 += table[at + 1] as number;
      a2 += table[at + 2] as number;
      a3 += table[at + 3] as number;
      a4 += table[at + 4] as number;
      a5 += table[at + 5] as number;
      a6 += table[at + 6] as number;
      b0 += table[at + 7] as number;
      b1 += table[at + 8] as number;
      b2 += table[at + 9] as number;
      b3 += table[at + 10] as number;
      b4 += table[at + 11] as number;
      b5 += table[at + 12] as number;
      b6 += table[at + 13] as number;
    }
    const row = i * T;
    first[row] = a0; first[row + 1] = a1; first[row + 2] = a2; first[row + 3] = a3;
    first[row + 4] = a4; first[row + 5] = a5; first[row + 6] = a6;
    second[row] = b0; second[row + 1] = b1; second[row + 2] = b2; second[row + 3] = b3;
    second[row + 4] = b4; second[row + 5] = b5; second[row + 6] = b6;
  }
  return { first, second };
}

/** Adds the integer weight sums of tokens `from..to` (inclusive) of `matrix` into `sums`. */
export function addSums(emission: Int8Array, matrix: FeatureMatrix, from: number, to: number, sums: Int32Array): void {
  const { ids, offsets } = matrix;
  for (let i = from; i <= to; i++) {
    const end = offsets[i + 1] as number;
    const row = i * T;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let f = offsets[i] as number; f < end; f++) {
      const at = (ids[f] as number) * T;
      s0 += emission[at] as number;
      s1 += emission[at + 1] as number;
      s2 += emission[at + 2] as number;
      s3 += emission[at + 3] as number;
      s4 += emission[at + 4] as number;
      s5 += emission[at + 5] as number;
      s6 += emission[at + 6] as number;
    }
    sums[row] = (sums[row] as number) + s0;
    sums[row + 1] = (sums[row + 1] as number) + s1;
    sums[row + 2] = (sums[row + 2] as number) + s2;
    sums[row + 3] = (sums[row + 3] as number) + s3;
    sums[row + 4] = (sums[row + 4] as number) + s4;
    sums[row + 5] = (sums[row + 5] as number) + s5;
    sums[row + 6] = (sums[row + 6] as number) + s6;
  }
}
