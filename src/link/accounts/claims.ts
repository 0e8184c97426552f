/**
 * Claims of one event, each held by a source: the document's `source` when the input gives one (a
 * Kremlin readout is Russia's account, including what it says Biden said), else the quoted speaker
 * ("U.S. officials", "Sergei Naryshkin"), else the publisher for its own narration.
 */
import type { Account, Claim } from '../../model/compare.js';
import type { AnalysedDocument } from '../../model/document.js';
import type { EventDocument, EventInput } from './event-input.js';
import { relevantUnits } from './relevance.js';
import { claimUnits, type Unit } from './units.js';
import { voices, type Voice } from './voices.js';

/** Whose narration it is when a document names no publisher. */
export const UNKNOWN_PUBLISHER = 'the author/publisher';

export interface HeldClaim {
  claim: Claim;
  /** The account it belongs to. */
  holder: string;
  unit: Unit;
  voice: Voice;
  analysis: AnalysedDocument;
  /** Index of the unit among its document's units. */
  index: number;
}

export function claimId(doc: string, start: number, end: number): string {
  return `${doc}:${start}-${end}`;
}

export function eventClaims(event: EventInput): HeldClaim[] {
  const out: HeldClaim[] = [];
  for (const doc of event.documents) out.push(...documentClaims(event, doc));
  return out.sort((x, y) => x.claim.document.localeCompare(y.claim.document) || x.claim.start - y.claim.start);
}

/** Voices by entity index and document: a document's voices are the same in each of its events. */
const voicesSeen = new WeakMap<object, WeakMap<AnalysedDocument, Voice[]>>();

function documentVoices(a: AnalysedDocument, units: readonly Unit[], entities: EventInput['entities']): Voice[] {
  let byDoc = voicesSeen.get(entities);
  if (!byDoc) {
    byDoc = new WeakMap();
    voicesSeen.set(entities, byDoc);
  }
  let spoken = byDoc.get(a);
  if (!spoken) {
    spoken = voices(a, units, entities);
    byDoc.set(a, spoken);
  }
  return spoken;
}

function documentClaims(event: EventInput, doc: EventDocument): HeldClaim[] {
  const a = doc.analysis;
  const units = claimUnits(a);
  const spoken = documentVoices(a, units, event.entities);
  const keys = new Set(event.participants.flatMap((p) => event.entities.keysIn(a.doc.id, p.id)));
  const keep = relevantUnits(doc, units, spoken, { type: event.type, keys, ids: new Set(event.participants.map((p) => p.id)) });
  const out: HeldClaim[] = [];
  units.forEach((unit, index) => {
    const voice = spoken[index] as Voice;
    if (!keep[index]) return;
    const holder = a.doc.source ?? voice.speaker ?? a.doc.publisher ?? UNKNOWN_PUBLISHER;
    out.push({
      claim: { id: claimId(a.doc.id, unit.start, unit.end), document: a.doc.id, start: unit.start, end: unit.end, text: unit.text, speaker: voice.speaker },
      holder,
      unit,
      voice,
      analysis: a,
      index,
    });
  });
  return out;
}

/** Accounts side by side: one per holder, claims in document and text order, holders by name. */
export function accountsOf(claims: readonly HeldClaim[]): Account[] {
  const byHolder = new Map<string, HeldClaim[]>();
  for (const c of claims) byHolder.set(c.holder, [...(byHolder.get(c.holder) ?? []), c]);
  return [...byHolder.entries()]
    .map(([source, held]) => ({
      source,
      documents: [...new Set(held.map((h) => h.claim.document))].sort(),
      claims: held.map((h) => h.claim),
    }))
    .sort((x, y) => x.source.localeCompare(y.source));
}
