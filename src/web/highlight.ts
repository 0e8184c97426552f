/**
 * Cutting a text into pieces for highlighting: every boundary of every mark splits the text, and
 * each piece knows which marks cover it. Overlapping and nested marks need no nesting of elements,
 * and the offsets stay those of the text as received. One sweep, linear in text and marks.
 */

export interface Mark {
  start: number;
  end: number;
  kind: string;
  /** Shown as a tooltip. */
  label?: string;
}

export interface Piece {
  start: number;
  end: number;
  marks: Mark[];
  /** Inside the highlighted target span. */
  target: boolean;
}

export function pieces(length: number, marks: readonly Mark[], target: { start: number; end: number } | null = null): Piece[] {
  const clip = (n: number): number => Math.max(0, Math.min(length, n));
  const valid = marks
    .map((m) => ({ ...m, start: clip(m.start), end: clip(m.end) }))
    .filter((m) => m.end > m.start);
  const t = target && clip(target.end) > clip(target.start) ? { start: clip(target.start), end: clip(target.end) } : null;
  const cuts = new Set<number>([0, length]);
  const opening = new Map<number, Mark[]>();
  const closing = new Map<number, Mark[]>();
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
    opening.set(m.start, [...(opening.get(m.start) ?? []), m]);
    closing.set(m.end, [...(closing.get(m.end) ?? []), m]);
  }
  if (t) {
    cuts.add(t.start);
    cuts.add(t.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const active = new Set<Mark>();
  const out: Piece[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    for (const m of closing.get(start) ?? []) active.delete(m);
    for (const m of opening.get(start) ?? []) active.add(m);
    out.push({ start, end, marks: [...active], target: t !== null && start >= t.start && end <= t.end });
  }
  return out;
}
