/**
 * Reports of one event: Markdown and self-contained HTML, side by side, every text escaped.
 */
import { describe, expect, it } from 'vitest';
import type { CompareEvent } from '../../src/model/compare.js';
import { escapeHtml, renderHtml } from '../../src/report/html.js';
import type { ReportDocument } from '../../src/report/layout.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';

const documents: ReportDocument[] = [
  { id: 'wh', title: 'Readout <of> the call', date: '2021-07-09', publisher: 'The White House', source: 'United States' },
  { id: 'kr', title: 'Telephone conversation', date: '2021-07-09', publisher: 'Kremlin', source: 'Russia' },
];

const event: CompareEvent = {
  id: 'ev_1',
  label: 'Phone call: Joseph Biden – Vladimir Putin',
  type: 'call',
  date: { start: '2021-07-09', end: '2021-07-09', precision: 'day' },
  place: null,
  participants: [
    { id: 'person:joe-biden', name: 'Joseph Biden', type: 'person' },
    { id: 'person:vladimir-putin', name: 'Vladimir Putin', type: 'person' },
  ],
  documents: ['kr', 'wh'],
  accounts: [
    { source: 'Russia', documents: ['kr'], claims: [{ id: 'kr:0-40', document: 'kr', start: 0, end: 40, text: 'Attacks ostensibly | made from <Russia>.', speaker: 'Vladimir Putin' }] },
    {
      source: 'United States',
      documents: ['wh'],
      claims: [
        { id: 'wh:0-30', document: 'wh', start: 0, end: 30, text: 'Attacks by criminals in Russia.', speaker: null },
        { id: 'wh:31-60', document: 'wh', start: 31, end: 60, text: 'We will defend "our" networks.', speaker: null },
      ],
    },
  ],
  points: [
    {
      id: 'ev_1/p-b',
      summary: 'We will defend "our" networks.',
      status: 'only',
      sources: ['United States'],
      evidence: [{ source: 'United States', document: 'wh', start: 31, end: 60, text: 'We will defend "our" networks.' }],
      reason: null,
    },
    {
      id: 'ev_1/p-a',
      summary: 'Where the attacks came from',
      status: 'conflict',
      sources: ['Russia', 'United States'],
      evidence: [
        { source: 'Russia', document: 'kr', start: 0, end: 40, text: 'Attacks ostensibly | made from <Russia>.' },
        { source: 'United States', document: 'wh', start: 0, end: 30, text: 'Attacks by criminals in Russia.' },
      ],
      reason: 'hedge against a flat assertion: <script>alert(1)</script>',
    },
  ],
};

describe('Markdown report', () => {
  const md = renderMarkdown(event, documents);

  it('puts the accounts side by side, one column each, conflicts first', () => {
    expect(md).toContain('| Point | Status | United States | Russia |');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Point'));
    expect(rows[0]).toBe('| Where the attacks came from | Conflict | “Attacks by criminals in Russia.” | “Attacks ostensibly \\| made from \\<Russia\\>.” |');
    expect(rows[1]).toBe('| We will defend "our" networks. | Only one side | “We will defend "our" networks.” | — |');
  });

  it('gives each conflict its reason and each claim its span', () => {
    expect(md).toContain('## Conflicts');
    expect(md).toContain('hedge against a flat assertion: \\<script\\>alert(1)\\</script\\>');
    expect(md).toContain('- “Attacks ostensibly \\| made from \\<Russia\\>.” _(Vladimir Putin)_ — `kr` 0–40');
    expect(md).toContain('`wh` Readout \\<of\\> the call (The White House, 2021-07-09) — account of **United States**');
  });
});

describe('HTML report', () => {
  const html = renderHtml(event, documents);

  it('is one self-contained page: inline style, no script, no external resource', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
  });

  it('escapes every text', () => {
    expect(html).toContain('hedge against a flat assertion: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Attacks ostensibly | made from &lt;Russia&gt;.');
    expect(html).toContain('We will defend &quot;our&quot; networks.');
    expect(html).toContain('Readout &lt;of&gt; the call');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('has one column per account and a row per point', () => {
    expect(html).toContain('<tr><th>Point</th><th>United States</th><th>Russia</th></tr>');
    expect(html.match(/<tr class="(conflict|shared|only)">/g)).toEqual(['<tr class="conflict">', '<tr class="only">']);
  });
});

describe('text summary', () => {
  it('shows each document’s main event and the event’s points with their quotes', () => {
    const text = renderText({
      documents: documents.map((d) => ({ ...d, main_event: 'ev_1' })),
      events: [event],
    });
    expect(text).toContain('wh [United States]: Readout <of> the call — Phone call: Joseph Biden – Vladimir Putin (ev_1)');
    expect(text).toContain('  CONFLICT: Where the attacks came from');
    expect(text).toContain('    Russia: “Attacks ostensibly | made from <Russia>.” [kr 0-40]');
    expect(text).toContain('  points:       1 conflict, 0 shared, 1 only one side');
  });
});
