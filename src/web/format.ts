/** How values read on screen. */
import type { DateValue } from '../model/findings.js';
import type { PointStatus } from '../model/compare.js';

export function dateText(value: DateValue | null | undefined): string {
  if (!value) return 'undated';
  const cut = (s: string): string => (value.precision === 'year' ? s.slice(0, 4) : value.precision === 'month' ? s.slice(0, 7) : s);
  const start = cut(value.start);
  const end = cut(value.end);
  return start === end ? start : `${start} – ${end}`;
}

export const STATUS_TEXT: Record<PointStatus, string> = {
  shared: 'Shared',
  only: 'Only one side',
  conflict: 'Conflict',
};

/** A symbol that tells the statuses apart without colour. */
export const STATUS_SYMBOL: Record<PointStatus, string> = {
  shared: '=',
  only: '◐',
  conflict: '≠',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
