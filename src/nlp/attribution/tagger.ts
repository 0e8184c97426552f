/**
 * A first-order linear tagger: hashed emission weights per (feature bucket, tag) plus tag-to-tag
 * transition weights, decoded with Viterbi one paragraph at a time. The same code decodes during
 * training (scripts/train-attribution.ts), so what is trained is exactly what runs.
 *
 * Speed: reading the emission weights is the cost (about 140 random reads per token over two
 * levels), so the shipped weights stay 8-bit at run time (`Int8Array` times `scale`): four times
 * less memory than floats, which keeps them in the processor's cache.
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

/** Buffers reused across calls (one paragraph at a time, no re-entry). */
const scratch = {
  score: new Float64Array(1024 * T),
  back: new Uint8Array(1024 * T),
  emit: new Float64Array(T),
};

/**
 * Tags tokens `first..last` (inclusive) into `out`. A token with `forced[i] >= 0` can only take
 * that tag (fixed cues such as "according to").
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
  const transition = w.transition;
  if (scratch.score.length < len * T) {
    scratch.score = new Float64Array(len * T * 2);
    scratch.back = new Uint8Array(len * T * 2);
  }
  const { score, back, emit } = scratch;
  for (let k = 0; k < len; k++) {
    emissionScores(w, features, first + k, emit);
    const only = forced ? (forced[first + k] as number) : -1;
    if (only >= 0) for (let t = 0; t < T; t++) if (t !== only) emit[t] = FORBIDDEN;
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
      score[row + to] = best + (emit[to] as number);
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

/** Sums the weights of the token's features, over every feature matrix (level 2: base and stacked). */
function emissionScores(w: TaggerWeights, features: readonly FeatureMatrix[], token: number, emit: Float64Array): void {
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
  emit[0] = s0 * scale;
  emit[1] = s1 * scale;
  emit[2] = s2 * scale;
  emit[3] = s3 * scale;
  emit[4] = s4 * scale;
  emit[5] = s5 * scale;
  emit[6] = s6 * scale;
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
