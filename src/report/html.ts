/**
 * One event as a self-contained HTML page: inline CSS, no scripts, no external resources, every
 * piece of text HTML-escaped. Accounts side by side in columns, points as rows, conflicts with
 * their reasons, each quote with its document and offsets.
 */
import type { CompareEvent, Evidence, PointStatus } from '../model/compare.js';
import { documentLabel, formatDate, layoutEvent, oneLine, STATUS_LABEL, type ReportDocument } from './layout.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --conflict: #b42318; --shared: #1a7f37; --only: #6e7781; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 78rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: .5rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
td.point { width: 18%; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .45rem; border-radius: 1rem; color: #fff; }
.badge.conflict { background: var(--conflict); } .badge.shared { background: var(--shared); } .badge.only { background: var(--only); }
tr.conflict td { background: #fff5f4; }
blockquote { margin: 0 0 .5rem; padding-left: .6rem; border-left: 3px solid var(--line); }
.where { display: block; color: var(--muted); font-size: .75rem; }
.silent { color: var(--muted); }
.reason { color: var(--conflict); font-size: .85rem; margin-top: .35rem; }
ul.claims { padding-left: 1.2rem; }
code { font-size: .85em; }
`;

function quote(e: Evidence): string {
  return `<blockquote>“${escapeHtml(oneLine(e.text))}”<span class="where">${escapeHtml(e.document)} · ${e.start}–${e.end}</span></blockquote>`;
}

function badge(status: PointStatus): string {
  return `<span class="badge ${status}">${escapeHtml(STATUS_LABEL[status])}</span>`;
}

export function renderHtml(event: CompareEvent, documents: readonly ReportDocument[]): string {
  const { columns, rows, counts } = layoutEvent(event);
  const meta: Array<[string, string]> = [
    ['Type', escapeHtml(event.type)],
    ['Date', escapeHtml(formatDate(event.date))],
    ...(event.place ? ([['Place', escapeHtml(event.place)]] as Array<[string, string]>) : []),
    ['Participants', escapeHtml(event.participants.map((p) => p.name).join(', ') || 'none named')],
    ['Points', `${counts.conflict} in conflict, ${counts.shared} shared, ${counts.only} told by one side only`],
    ['Event id', `<code>${escapeHtml(event.id)}</code>`],
  ];
  const docs = event.documents.map((id) => {
    const d = documents.find((x) => x.id === id);
    const source = d?.source ? ` — account of <strong>${escapeHtml(d.source)}</strong>` : '';
    return `<li><code>${escapeHtml(id)}</code> ${escapeHtml(documentLabel(id, documents))}${source}</li>`;
  });
  const head = `<tr><th>Point</th>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = rows.map(({ point, cells }) => {
    const reason = point.reason ? `<div class="reason">${escapeHtml(point.reason)}</div>` : '';
    const tds = cells.map((evs) => `<td>${evs.length ? evs.map(quote).join('') : '<span class="silent">—</span>'}</td>`).join('');
    return `<tr class="${point.status}"><td class="point">${badge(point.status)} ${escapeHtml(point.summary)}${reason}</td>${tds}</tr>`;
  });
  const accounts = event.accounts.map((a) => {
    const items = a.claims.map((c) => {
      const who = c.speaker && c.speaker !== a.source ? ` <em>(${escapeHtml(c.speaker)})</em>` : '';
      return `<li>“${escapeHtml(oneLine(c.text))}”${who} <span class="where">${escapeHtml(c.document)} · ${c.start}–${c.end}</span></li>`;
    });
    return `<h3>${escapeHtml(a.source)}</h3><ul class="claims">${items.join('')}</ul>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(event.label)} — Rashomon</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(event.label)}</h1>
<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<h2>Documents</h2>
<ul>${docs.join('')}</ul>
<h2>Side by side</h2>
${rows.length ? `<table><thead>${head}</thead><tbody>${body.join('\n')}</tbody></table>` : '<p class="silent">No claims about this event were found.</p>'}
<h2>Accounts</h2>
${accounts.join('\n')}
</body>
</html>
`;
}
