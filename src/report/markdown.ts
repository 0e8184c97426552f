/**
 * One event as a Markdown report: what it is, the accounts side by side (one column per source, one
 * row per point), the conflicts with their reasons, and each account's claims with their spans.
 */
import type { CompareEvent } from '../model/compare.js';
import { documentLabel, formatDate, layoutEvent, oneLine, STATUS_LABEL, type ReportDocument } from './layout.js';

/** Markdown table cells hold no pipes or newlines; inline markup characters are escaped. */
function cell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`[\]<>])/g, '\\$1');
}

function inline(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/([*_`[\]<>|])/g, '\\$1');
}

export function renderMarkdown(event: CompareEvent, documents: readonly ReportDocument[]): string {
  const { columns, rows, counts } = layoutEvent(event);
  const out: string[] = [];
  out.push(`# ${inline(event.label)}`, '');
  out.push(`- **Type:** ${inline(event.type)}`);
  out.push(`- **Date:** ${formatDate(event.date)}`);
  if (event.place) out.push(`- **Place:** ${inline(event.place)}`);
  out.push(`- **Participants:** ${event.participants.map((p) => inline(p.name)).join(', ') || 'none named'}`);
  out.push(`- **Points:** ${counts.conflict} in conflict, ${counts.shared} shared, ${counts.only} told by one side only`);
  out.push(`- **Event id:** \`${event.id}\``, '');
  out.push('## Documents', '');
  for (const id of event.documents) {
    const d = documents.find((x) => x.id === id);
    out.push(`- \`${id}\` ${inline(documentLabel(id, documents))}${d?.source ? ` — account of **${inline(d.source)}**` : ''}`);
  }
  out.push('', '## Side by side', '');
  if (rows.length === 0) out.push('_No claims about this event were found._');
  else {
    out.push(`| Point | Status | ${columns.map(cell).join(' | ')} |`);
    out.push(`|---|---|${columns.map(() => '---').join('|')}|`);
    for (const { point, cells } of rows) {
      const quotes = cells.map((evs) => evs.map((e) => `“${cell(e.text)}”`).join('<br>') || '—');
      out.push(`| ${cell(point.summary)} | ${STATUS_LABEL[point.status]} | ${quotes.join(' | ')} |`);
    }
  }
  const conflicts = rows.filter((r) => r.point.status === 'conflict');
  if (conflicts.length) {
    out.push('', '## Conflicts', '');
    for (const { point } of conflicts) {
      out.push(`### ${inline(point.summary)}`, '', inline(point.reason ?? ''), '');
      for (const e of point.evidence) out.push(`- **${inline(e.source)}** (\`${e.document}\` ${e.start}–${e.end}): “${inline(e.text)}”`);
      out.push('');
    }
  }
  out.push('', '## Accounts', '');
  for (const account of event.accounts) {
    out.push(`### ${inline(account.source)}`, '');
    for (const c of account.claims) {
      const who = c.speaker && c.speaker !== account.source ? ` _(${inline(c.speaker)})_` : '';
      out.push(`- “${inline(c.text)}”${who} — \`${c.document}\` ${c.start}–${c.end}`);
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
