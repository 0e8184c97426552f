/// <reference lib="dom" />
/**
 * One document: its text exactly as received, with speakers, cues, contents, entities and dates
 * marked (each kind toggled by a checkbox), and the span named by `?hl=START-END` marked as the
 * target and scrolled into view.
 */
import type { StoredDocument } from '../../store/store.js';
import { getJson } from '../api.js';
import { type Child, externalLink, h, link } from '../dom.js';
import { dateText } from '../format.js';
import { type Mark, pieces } from '../highlight.js';
import { documentRoute, parseSpan, route } from '../routes.js';
import { type View, heading, meta } from './common.js';

export const KINDS = [
  { kind: 'speaker', label: 'Speakers' },
  { kind: 'cue', label: 'Cues (said, told …)' },
  { kind: 'content', label: 'What was said' },
  { kind: 'entity', label: 'Entities' },
  { kind: 'date', label: 'Dates' },
] as const;

/** Which kinds are shown survives moving between documents. */
const shown = new Set<string>(KINDS.map((k) => k.kind));

export const documentView: View = async (r) => {
  const id = r.path[1] ?? '';
  const stored = await getJson<StoredDocument>(`documents/${encodeURIComponent(id)}`);
  const d = stored.doc;
  const target = parseSpan(r.params.get('hl'));
  const text = textWithMarks(stored, target);
  const toggles = h(
    'fieldset',
    { class: 'toggles' },
    h('legend', {}, 'Highlight'),
    KINDS.map(({ kind, label }) => {
      const box = h('input', { type: 'checkbox', id: `show-${kind}`, checked: shown.has(kind) });
      box.addEventListener('change', () => {
        if (box.checked) shown.add(kind);
        else shown.delete(kind);
        text.classList.toggle(`show-${kind}`, box.checked);
      });
      return h('span', { class: 'toggle' }, box, h('label', { for: `show-${kind}` }, h('span', { class: `swatch k-${kind}`, 'aria-hidden': 'true' }, 'Aa'), ' ', label));
    }),
  );
  const targetEl = text.querySelector<HTMLElement>('mark.target');
  const nodes: Child[] = [
    h('p', { class: 'breadcrumb' }, link(route(['documents']), 'Documents'), ' / ', d.id),
    heading(d.title ?? d.id),
    h('p', { class: 'meta' }, meta(d.date ?? 'undated', d.publisher, d.source ? `account of ${d.source}` : null, d.lang, stored.analysed ? null : 'not analysed (language)')),
    d.url ? h('p', { class: 'meta' }, 'Source address: ', externalLink(d.url)) : null,
    target && !targetEl ? h('p', { class: 'error', role: 'alert' }, `The highlighted span ${target.start}–${target.end} is outside this document.`) : null,
    target && targetEl ? h('p', { class: 'target-note' }, `Highlighted: characters ${target.start}–${target.end}. `, link(documentRoute(d.id), 'Clear')) : null,
    toggles,
    text,
    findingsLists(stored),
  ];
  return { title: d.title ?? d.id, nodes, ...(targetEl ? { focus: targetEl } : {}) };
};

function marksOf(stored: StoredDocument): Mark[] {
  const marks: Mark[] = [];
  const names = new Map(stored.entities.map((e) => [e.key, e.name]));
  for (const a of stored.attributions) {
    const speaker = a.speaker ? names.get(a.speaker) : undefined;
    for (const [start, end] of a.source?.spans ?? []) marks.push({ start, end, kind: 'speaker', label: `speaker${speaker ? `: ${speaker}` : ''}` });
    for (const [start, end] of a.cue.spans) marks.push({ start, end, kind: 'cue', label: `cue (${a.mode}${a.negated ? ', negated' : ''})` });
    for (const [start, end] of a.content.spans) marks.push({ start, end, kind: 'content', label: `content${speaker ? ` said by ${speaker}` : ''}` });
  }
  for (const m of stored.mentions) {
    const name = names.get(m.entity);
    marks.push({ start: m.start, end: m.end, kind: 'entity', label: `${m.type}${name && name !== m.text ? `: ${name}` : ''}` });
  }
  for (const t of stored.times) marks.push({ start: t.start, end: t.end, kind: 'date', label: `date: ${dateText(t.value)}` });
  return marks;
}

function textWithMarks(stored: StoredDocument, target: { start: number; end: number } | null): HTMLElement {
  const text = stored.doc.text;
  const container = h('div', { class: `doc-text ${[...shown].map((k) => `show-${k}`).join(' ')}`, lang: stored.doc.lang ?? 'und' });
  let mark: HTMLElement | null = null;
  for (const piece of pieces(text.length, marksOf(stored), target)) {
    const slice = text.slice(piece.start, piece.end);
    const node: Node =
      piece.marks.length === 0
        ? document.createTextNode(slice)
        : h(
            'span',
            { class: ['hl', ...new Set(piece.marks.map((m) => `k-${m.kind}`))].join(' '), title: piece.marks.map((m) => m.label ?? m.kind).join('; ') },
            slice,
          );
    if (piece.target) {
      if (!mark) {
        mark = h('mark', { class: 'target', tabindex: -1, id: 'target' });
        container.append(mark);
      }
      mark.append(node);
    } else {
      mark = null;
      container.append(node);
    }
  }
  return container;
}

function findingsLists(stored: StoredDocument): HTMLElement {
  const d = stored.doc;
  const names = new Map(stored.entities.map((e) => [e.key, e.name]));
  return h(
    'div',
    { class: 'findings' },
    h(
      'section',
      { 'aria-labelledby': 'attr-h' },
      h('h2', { id: 'attr-h' }, `Who said what (${stored.attributions.length})`),
      stored.attributions.length
        ? h(
            'ol',
            { class: 'attributions' },
            stored.attributions.map((a) =>
              h(
                'li',
                {},
                h('strong', {}, (a.speaker ? names.get(a.speaker) : undefined) ?? a.source?.text ?? 'unattributed'),
                ` ${a.cue.text}: `,
                link(documentRoute(d.id, a), a.content.text),
              ),
            ),
          )
        : h('p', { class: 'empty' }, 'No attributions found.'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'ent-h' },
      h('h2', { id: 'ent-h' }, `Entities (${stored.entities.length})`),
      stored.entities.length
        ? h(
            'ul',
            { class: 'entities' },
            stored.entities.map((e) =>
              h(
                'li',
                {},
                link(route(['entities'], { q: e.name }), e.name),
                ` — ${e.type}`,
                e.roles.length ? `, ${e.roles.join('; ')}` : '',
                e.affiliations.length ? ` (${e.affiliations.join('; ')})` : '',
                `, ${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}`,
              ),
            ),
          )
        : h('p', { class: 'empty' }, 'No entities found.'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'dates-h' },
      h('h2', { id: 'dates-h' }, `Dates (${stored.times.length})`),
      stored.times.length
        ? h('ul', {}, stored.times.map((t) => h('li', {}, link(documentRoute(d.id, t), t.text), ` → ${dateText(t.value)}`)))
        : h('p', { class: 'empty' }, 'No dates found.'),
    ),
  );
}
