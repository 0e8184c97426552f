/**
 * The attribution contract of `rashomon attributions FILE... --json` (issue 3). Other tools read
 * it: keep it stable. Spans are `[start, end)` UTF-16 offsets into the text as read; a role in
 * several pieces has several spans and its text joins the pieces with " … ".
 */
import type { AnalysedDocument } from '../../model/document.js';
import type { EntityType, Segment } from '../../model/findings.js';

export interface ContractSegment {
  spans: Array<[number, number]>;
  text: string;
}

export interface ContractSpeaker {
  id: string;
  name: string;
  type: EntityType;
}

export interface ContractAttribution {
  source: ContractSegment | null;
  cue: ContractSegment;
  content: ContractSegment;
  speaker: ContractSpeaker | null;
  via: { name: string } | null;
  kind: 'direct' | 'indirect' | 'mixed';
  stance: 'neutral' | 'distancing' | 'endorsing';
  negated: boolean;
}

/** `speakerOf` maps a document-local entity key to the speaker as the contract shows it. */
export function attributionsToContract(
  a: AnalysedDocument,
  speakerOf: (key: string) => ContractSpeaker | null,
): ContractAttribution[] {
  return a.attributions.map((f) => ({
    source: f.source ? segment(f.source) : null,
    cue: segment(f.cue),
    content: segment(f.content),
    speaker: f.speaker === null ? null : speakerOf(f.speaker),
    via: f.via === null ? null : { name: f.via },
    kind: f.mode,
    stance: f.stance,
    negated: f.negated,
  }));
}

function segment(s: Segment): ContractSegment {
  return { spans: s.spans.map(([start, end]): [number, number] => [start, end]), text: s.text };
}
