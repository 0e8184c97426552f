/**
 * Documents a linking step reads back: the just-ingested ones from the ingest's cache, the others
 * from the findings the store keeps. Grouping reads findings only (events, entities, mentions,
 * sentences, the text), so a neighbour is loaded, never analysed again. Only the documents of an
 * event whose accounts are recomputed need tokens, which the store does not keep: for those the
 * sentences stage (wink's parse, the cheapest part of the pipeline) runs again on the stored text,
 * and its sentences are checked against the stored ones. Everything is held for one step only,
 * and tokens only while an event that needs them is compared.
 */
import type { AnalysedDocument } from '../model/document.js';
import { analyse, stages } from '../nlp/pipeline.js';
import type { Store } from '../store/store.js';

const tokenStages = stages.filter((s) => s.name === 'sentences');

export class Neighbours {
  private readonly findings = new Map<string, AnalysedDocument | null>();
  private readonly full = new Map<string, AnalysedDocument | null>();
  /** Documents loaded from the store, and of them those tokenised again (for figures and tests). */
  loaded = 0;
  tokenised = 0;

  constructor(
    private readonly store: Store,
    private readonly cache: ReadonlyMap<string, AnalysedDocument> | undefined,
  ) {}

  /** A document's findings (tokens maybe left out), or null when it is not stored. */
  async get(id: string): Promise<AnalysedDocument | null> {
    const known = this.full.get(id) ?? this.findings.get(id);
    if (known !== undefined) return known;
    const cached = this.cache?.get(id);
    if (cached) {
      this.full.set(id, cached);
      return cached;
    }
    const stored = await this.store.getDocument(id);
    this.loaded++;
    const a: AnalysedDocument | null = stored ? { ...stored, tokens: [] } : null;
    this.findings.set(id, a);
    return a;
  }

  /** A document with its tokens, for comparing accounts. */
  async withTokens(id: string): Promise<AnalysedDocument | null> {
    const known = this.full.get(id);
    if (known !== undefined) return known;
    const a = await this.get(id);
    if (!a || this.full.has(id)) return a;
    const whole = a.analysed ? tokenised(a) : a;
    this.tokenised++;
    this.full.set(id, whole);
    this.findings.delete(id);
    return whole;
  }

  /** Lets a document's tokens go (its findings stay at hand): the step needs them no more. */
  release(id: string): void {
    const whole = this.full.get(id);
    if (!whole) return;
    this.full.delete(id);
    this.findings.set(id, { ...whole, tokens: [] });
  }
}

function tokenised(a: AnalysedDocument): AnalysedDocument {
  const parsed = analyse(a.doc, {}, tokenStages);
  const same =
    parsed.sentences.length === a.sentences.length &&
    parsed.sentences.every((s, i) => s.start === a.sentences[i]?.start && s.end === a.sentences[i]?.end);
  // Stored findings from another version of the pipeline: analyse the text again, as it is now.
  if (!same) return analyse(a.doc);
  return { ...a, tokens: parsed.tokens };
}
