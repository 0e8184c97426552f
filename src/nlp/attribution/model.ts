/**
 * The trained weights on disk: `models/attribution.json`, written by scripts/train-attribution.ts.
 * Emission weights are quantised to 8-bit integers with one scale per level (no measurable loss on
 * held-out data), deflated and stored as base64: one level of 2^16 buckets x 7 tags is about 340 KB.
 * They stay 8-bit in memory. Loaded once per process.
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { packagePath } from '../../paths.js';
import type { TaggerWeights } from './tagger.js';
import { TAG_COUNT, TAG_NAMES } from './tags.js';

export const MODEL_FORMAT = 'rashomon-attribution-tagger/1';
export const MODEL_FILE = 'attribution.json';

export interface AttributionModel {
  /** Level 1 tags from the words; a level 2, when trained (`--levels 2`), also reads level 1's tags. */
  levels: TaggerWeights[];
}

interface StoredLevel {
  scale: number;
  emission: string;
  transition: number[];
}

interface StoredModel {
  format: string;
  trainedOn: string;
  tags: readonly string[];
  buckets: number;
  levels: StoredLevel[];
}

export function encodeModel(model: AttributionModel, trainedOn: string): string {
  const buckets = model.levels[0]?.buckets ?? 0;
  const stored: StoredModel = {
    format: MODEL_FORMAT,
    trainedOn,
    tags: TAG_NAMES,
    buckets,
    levels: model.levels.map((w) => {
      let max = 0;
      for (const v of w.emission) max = Math.max(max, Math.abs(v * w.scale));
      const scale = max === 0 ? 1 : max / 127;
      const q = new Int8Array(w.emission.length);
      for (let i = 0; i < q.length; i++) q[i] = Math.round(((w.emission[i] as number) * w.scale) / scale);
      return {
        scale,
        emission: deflateRawSync(q, { level: 9 }).toString('base64'),
        transition: Array.from(w.transition, (v) => Math.round(v * 1000) / 1000),
      };
    }),
  };
  return `${JSON.stringify(stored)}\n`;
}

export function decodeModel(json: string): AttributionModel {
  const stored = JSON.parse(json) as StoredModel;
  if (stored.format !== MODEL_FORMAT) throw new Error(`attribution model: unknown format '${stored.format}'`);
  if (stored.tags.join(' ') !== TAG_NAMES.join(' ')) throw new Error('attribution model: tag set differs from the code');
  return {
    levels: stored.levels.map((level) => {
      const raw = inflateRawSync(Buffer.from(level.emission, 'base64'));
      const emission = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      if (emission.length !== stored.buckets * TAG_COUNT) throw new Error('attribution model: emission size mismatch');
      return { buckets: stored.buckets, emission, scale: level.scale, transition: Float32Array.from(level.transition) };
    }),
  };
}

/** `models/attribution.json` in the package root (see src/paths.ts). */
export function modelPath(): string {
  return packagePath('models', MODEL_FILE);
}

let loaded: AttributionModel | null = null;

export function attributionModel(): AttributionModel {
  loaded ??= decodeModel(readFileSync(modelPath(), 'utf8'));
  return loaded;
}
