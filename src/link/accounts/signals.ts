/**
 * Texts saying outright that two accounts conflict:
 *   - "Contrary to this, Naryshkin claimed that ..." opens a claim that contradicts the claim of
 *     another account just before it: that pair is a conflict;
 *   - "The union disputed that figure" denies, by pointing back, the claim of another account just
 *     before it ("According to the authority, the offer included a four per cent raise");
 *   - "Naryshkin's account of the call differs significantly from what U.S. officials have previously
 *     stated" names two accounts that differ, without saying on what: a weaker signal, used to
 *     accept a difference of purpose between those two as a conflict and to say so in the reason.
 */
import type { HeldClaim } from './claims.js';
import { flatten, shorten, type PointDraft } from './points.js';
import { claimUnits } from './units.js';
import type { EventInput } from './event-input.js';
import { BACK_DENIAL, DIFFER_CUE, OPENING_CUE } from './cues.js';

export interface ClaimSignal {
  /** Indexes into the event's claims: the earlier claim and the one the cue opens. */
  a: number;
  b: number;
  cue: string;
  /** A third party (the narrator) says they conflict, or the later claim denies the earlier. */
  kind: 'third party' | 'denial';
}

export interface HolderSignal {
  holders: [string, string];
  cue: string;
}

export interface Signals {
  claims: ClaimSignal[];
  holders: HolderSignal[];
}

export function thirdPartySignals(event: EventInput, claims: readonly HeldClaim[]): Signals {
  const out: Signals = { claims: [], holders: [] };
  const holders = [...new Set(claims.map((c) => c.holder))];
  for (const doc of event.documents) {
    const a = doc.analysis;
    const inDoc = claims.flatMap((c, i) => (c.claim.document === a.doc.id ? [i] : []));
    const byUnit = new Map(inDoc.map((i) => [(claims[i] as HeldClaim).index, i]));
    const units = claimUnits(a);
    units.forEach((unit, u) => {
      const opening = OPENING_CUE.exec(unit.text);
      const denial = opening ? null : BACK_DENIAL.exec(unit.text);
      const cue = opening?.[1] ?? denial?.[1];
      const claim = byUnit.get(u);
      if (cue && claim !== undefined) {
        // "this" is the statement just before: the previous sentence, whether or not it is a claim
        // about this event (if it is not, the cue says nothing about this event).
        let back = u - 1;
        while (back >= 0 && units[back]?.sentence === unit.sentence) back--;
        const earlier = byUnit.get(back);
        if (earlier !== undefined && (claims[earlier] as HeldClaim).holder !== (claims[claim] as HeldClaim).holder) {
          out.claims.push({ a: earlier, b: claim, cue, kind: opening ? 'third party' : 'denial' });
        }
        return;
      }
      const differ = DIFFER_CUE.exec(unit.text);
      if (!differ?.[1]) return;
      const named = holders.filter((h) => names(unit.text, h)).sort();
      if (named.length >= 2) out.holders.push({ holders: [named[0] as string, named[1] as string], cue: differ[1] });
    });
  }
  return out;
}

/** The text names a holder: its full name or its last word ("Naryshkin's account"). */
function names(text: string, holder: string): boolean {
  const words = holder.split(/\s+/);
  const last = words[words.length - 1] ?? holder;
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escape(holder)}\\b`, 'i').test(text) || (last.length > 3 && /^[A-Z]/.test(last) && new RegExp(`\\b${escape(last)}\\b`).test(text));
}

export function signalled(signals: Signals, x: string, y: string): HolderSignal | undefined {
  return signals.holders.find((s) => (s.holders[0] === x && s.holders[1] === y) || (s.holders[0] === y && s.holders[1] === x));
}

/** A "Contrary to this" pair joins the conflict that holds either claim, else stands as its own. */
export function withSignals(conflicts: PointDraft[], signals: Signals, claims: readonly HeldClaim[]): PointDraft[] {
  const out = conflicts.map((d) => ({ ...d, claims: [...d.claims] }));
  for (const s of signals.claims) {
    const note = s.kind === 'denial' ? `assertion vs denial (“${s.cue}”)` : `a third party says they conflict (“${s.cue}”)`;
    const host = out.find((d) => d.claims.includes(s.a) || d.claims.includes(s.b));
    if (host) {
      for (const i of [s.a, s.b]) if (!host.claims.includes(i)) host.claims.push(i);
      host.reason = host.reason?.includes(note) ? host.reason : `${host.reason ?? ''}; ${note}`;
      continue;
    }
    const [x, y] = [claims[s.a] as HeldClaim, claims[s.b] as HeldClaim];
    out.push({
      claims: [s.a, s.b],
      status: 'conflict',
      reason: `${note}: ${x.holder} “${shorten(flatten(x.claim.text), 90)}”, ${y.holder} “${shorten(flatten(y.claim.text), 90)}”`,
    });
  }
  return out;
}
