/**
 * Attributions of an analysed document: tag the tokens (each level of the model in turn), fix the
 * "according to" sentences, speaker labels and quotation dashes, cut the tags into chunks, group
 * the chunks into relations, add the relations nested in a content, describe each relation.
 * Findings come in text order of their cue.
 */
import type { AnalysedDocument } from '../../model/document.js';
import type { AttributionFinding } from '../../model/findings.js';
import { applyAccordingTo } from './according.js';
import { tokenContext, type TokenContext } from './context.js';
import { quotationDashes } from './dash.js';
import { applySpeakerLabels } from './labels.js';
import { toFinding } from './details.js';
import { baseFeatures, stackedFeatures, type FeatureMatrix } from './features.js';
import type { AttributionModel } from './model.js';
import { nestedRelations } from './nested.js';
import { relationsOf } from './structure.js';
import { addSums, decode, pairedSums, pairLevels, tagAll, type TaggerWeights } from './tagger.js';
import { chunksOf, O } from './tags.js';

export function tagDocument(a: AnalysedDocument, model: AttributionModel): { ctx: TokenContext; tags: Uint8Array } {
  const ctx = tokenContext(a.doc.text, a.tokens, a.sentences, a.mentions);
  const [one, two] = model.levels;
  if (!one) return { ctx, tags: new Uint8Array(a.tokens.length) };
  if (model.levels.some((level) => level.buckets !== one.buckets)) throw new Error('attribution model: levels differ in size');
  const base = baseFeatures(ctx, one.buckets);
  const table = two && model.levels.length === 2 ? pairedTable(model) : null;
  if (table && two) return { ctx, tags: tagTwoLevels(ctx, base, table, one, two) };
  let tags: Uint8Array | undefined;
  for (const level of model.levels) {
    if (!tags) {
      tags = tagAll(level, [base], ctx.sequences, a.tokens.length, ctx.forced);
      continue;
    }
    const previous = tags;
    const busy = busySequences(ctx, previous);
    const revised = tagAll(level, [base, stackedFeatures(ctx, level.buckets, previous)], busy, a.tokens.length, ctx.forced);
    for (const [first, last] of busy) previous.set(revised.subarray(first, last + 1), first);
  }
  return { ctx, tags: tags ?? new Uint8Array(a.tokens.length) };
}

/** A later level revises what the earlier found; a paragraph where it found nothing stays so. */
function busySequences(ctx: TokenContext, tags: Uint8Array): Array<[number, number]> {
  return ctx.sequences.filter(([first, last]) => {
    for (let i = first; i <= last; i++) if (tags[i] !== O) return true;
    return false;
  });
}

const pairedTables = new WeakMap<AttributionModel, Int8Array | null>();

/** The shipped two-level model's weights side by side (tagger.ts), or null for float weights (training). */
function pairedTable(model: AttributionModel): Int8Array | null {
  let table = pairedTables.get(model);
  if (table === undefined) {
    const [one, two] = model.levels;
    table = one && two && one.emission instanceof Int8Array && two.emission instanceof Int8Array ? pairLevels(one, two) : null;
    pairedTables.set(model, table);
  }
  return table;
}

/** The two levels as the generic loop runs them, with both levels' base weights read in one pass. */
function tagTwoLevels(ctx: TokenContext, base: FeatureMatrix, table: Int8Array, one: TaggerWeights, two: TaggerWeights): Uint8Array {
  const n = ctx.tokens.length;
  const sums = pairedSums(table, base, n);
  const tags = new Uint8Array(n);
  for (const [first, last] of ctx.sequences) decode(one.transition, sums.first, one.scale, first, first, last, tags, ctx.forced);
  const busy = busySequences(ctx, tags);
  if (busy.length === 0) return tags;
  const stacked = stackedFeatures(ctx, two.buckets, tags);
  for (const [first, last] of busy) addSums(two.emission as Int8Array, stacked, first, last, sums.second);
  const revised = new Uint8Array(n);
  for (const [first, last] of busy) decode(two.transition, sums.second, two.scale, first, first, last, revised, ctx.forced);
  for (const [first, last] of busy) tags.set(revised.subarray(first, last + 1), first);
  return tags;
}

export function findAttributions(a: AnalysedDocument, model: AttributionModel): AttributionFinding[] {
  if (a.tokens.length === 0) return [];
  const { ctx, tags } = tagDocument(a, model);
  applyAccordingTo(tags, ctx);
  applySpeakerLabels(tags, ctx);
  const signed = quotationDashes(tags, ctx);
  const relations = relationsOf(chunksOf(tags, a.tokens, a.sentences), ctx);
  relations.push(...signed);
  relations.push(...nestedRelations(relations, ctx));
  relations.sort((x, y) => x.cue.first - y.cue.first);
  return relations.map((r) => toFinding(a, ctx, r));
}

