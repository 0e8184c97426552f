/**
 * Attributions of an analysed document: tag the tokens (each level of the model in turn), fix the
 * "according to" sentences and quotation dashes, cut the tags into chunks, group the chunks into relations, add the
 * relations nested in a content, describe each relation. Findings come in text order of their cue.
 */
import type { AnalysedDocument } from '../../model/document.js';
import type { AttributionFinding } from '../../model/findings.js';
import { applyAccordingTo } from './according.js';
import { tokenContext, type TokenContext } from './context.js';
import { quotationDashes } from './dash.js';
import { toFinding } from './details.js';
import { baseFeatures, stackedFeatures } from './features.js';
import type { AttributionModel } from './model.js';
import { nestedRelations } from './nested.js';
import { relationsOf } from './structure.js';
import { tagAll } from './tagger.js';
import { chunksOf, O } from './tags.js';

export function tagDocument(a: AnalysedDocument, model: AttributionModel): { ctx: TokenContext; tags: Uint8Array } {
  const ctx = tokenContext(a.doc.text, a.tokens, a.sentences, a.mentions);
  let tags: Uint8Array | undefined;
  const base = model.levels[0] ? baseFeatures(ctx, model.levels[0].buckets) : null;
  for (const level of model.levels) {
    if (!base || level.buckets !== model.levels[0]?.buckets) throw new Error('attribution model: levels differ in size');
    if (!tags) {
      tags = tagAll(level, [base], ctx.sequences, a.tokens.length, ctx.forced);
      continue;
    }
    // A later level revises what the earlier found; a paragraph where it found nothing stays so.
    const previous = tags;
    const busy = ctx.sequences.filter(([first, last]) => {
      for (let i = first; i <= last; i++) if (previous[i] !== O) return true;
      return false;
    });
    const revised = tagAll(level, [base, stackedFeatures(ctx, level.buckets, previous)], busy, a.tokens.length, ctx.forced);
    for (const [first, last] of busy) previous.set(revised.subarray(first, last + 1), first);
  }
  return { ctx, tags: tags ?? new Uint8Array(a.tokens.length) };
}

export function findAttributions(a: AnalysedDocument, model: AttributionModel): AttributionFinding[] {
  if (a.tokens.length === 0) return [];
  const { ctx, tags } = tagDocument(a, model);
  applyAccordingTo(tags, ctx);
  const signed = quotationDashes(tags, ctx);
  const relations = relationsOf(chunksOf(tags, a.tokens, a.sentences), ctx);
  relations.push(...signed);
  relations.push(...nestedRelations(relations, ctx));
  relations.sort((x, y) => x.cue.first - y.cue.first);
  return relations.map((r) => toFinding(a, ctx, r));
}

