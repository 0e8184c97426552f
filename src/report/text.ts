/**
 * The readable summary `rashomon compare` prints without --json: each document with its main
 * event; then each event that is some document's main event or is told by two accounts or more,
 * with its points, conflicts first, every quote under the account it belongs to; the other events
 * in one line each.
 */
import type { CompareEvent, CompareResult } from '../model/compare.js';
import { formatDate, layoutEvent, oneLine, STATUS_LABEL } from './layout.js';

const WIDTH = 100;

function clip(text: string, max: number): string {
  const flat = oneLine(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function prominent(event: CompareEvent, result: CompareResult): boolean {
  return result.documents.some((d) => d.main_event === event.id) || event.accounts.length >= 2;
}

export function renderText(result: CompareResult): string {
  const out: string[] = [];
  out.push(`${result.documents.length} document${result.documents.length === 1 ? '' : 's'}, ${result.events.length} event${result.events.length === 1 ? '' : 's'}`);
  const labels = new Map(result.events.map((e) => [e.id, e.label]));
  for (const d of result.documents) {
    const main = d.main_event ? `${labels.get(d.main_event) ?? ''} (${d.main_event})` : 'no main event';
    out.push(`  ${d.id}${d.source ? ` [${d.source}]` : ''}: ${clip(d.title ?? '', 50)}${d.title ? ' — ' : ''}${main}`);
  }
  const shown = result.events.filter((e) => prominent(e, result));
  const rest = result.events.filter((e) => !prominent(e, result));
  for (const event of shown) out.push('', ...renderEvent(event));
  if (rest.length) {
    out.push('', 'Other events mentioned:');
    for (const e of rest) out.push(`  ${e.id}  ${clip(e.label, 60)} (${formatDate(e.date)}; ${e.accounts.map((a) => a.source).join(', ') || 'no accounts'})`);
  }
  return `${out.join('\n')}\n`;
}

export function renderEvent(event: CompareEvent): string[] {
  const { columns, rows, counts } = layoutEvent(event);
  const out: string[] = [];
  out.push(`${event.label}  [${event.type}, ${formatDate(event.date)}${event.place ? `, ${event.place}` : ''}]  ${event.id}`);
  out.push(`  participants: ${event.participants.map((p) => p.name).join(', ') || 'none named'}`);
  out.push(`  accounts:     ${event.accounts.map((a) => `${a.source} (${a.claims.length} claim${a.claims.length === 1 ? '' : 's'})`).join('; ') || 'none'}`);
  out.push(`  points:       ${counts.conflict} conflict, ${counts.shared} shared, ${counts.only} only one side`);
  for (const { point, cells } of rows) {
    out.push('', `  ${STATUS_LABEL[point.status].toUpperCase()}: ${clip(point.summary, WIDTH)}`);
    if (point.reason) out.push(`    why: ${clip(point.reason, WIDTH * 2)}`);
    cells.forEach((evidence, i) => {
      for (const e of evidence) out.push(`    ${columns[i]}: “${clip(e.text, WIDTH)}” [${e.document} ${e.start}-${e.end}]`);
    });
  }
  return out;
}
