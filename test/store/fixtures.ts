/** Analysed documents for the store tests, built with the real pipeline plus findings of later stages. */
import { toDocument } from '../../src/ingest/document.js';
import type { AnalysedDocument, SourceRecord, Span } from '../../src/model/document.js';
import { analyse } from '../../src/nlp/pipeline.js';

/** The span of the `nth` occurrence (from 0) of `needle` in `text`. */
export function at(text: string, needle: string, nth = 0): Span {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`'${needle}' (occurrence ${nth}) not in text`);
  }
  return { start, end: start + needle.length };
}

export function analysed(record: SourceRecord): AnalysedDocument {
  return analyse(toDocument(record));
}

/** Sentences (and the language verdict) from the pipeline, nothing else: counts stay fixed as stages land. */
export function bare(record: SourceRecord): AnalysedDocument {
  const a = analysed(record);
  const warnings = a.warnings.filter((w) => w.stage === 'language');
  return { ...a, times: [], mentions: [], entities: [], attributions: [], events: [], warnings };
}

export const RUSSIAN_TEXT =
  'Директор Службы внешней разведки России Сергей Нарышкин в четверг сообщил журналистам, что в конце июня у него ' +
  'состоялся телефонный разговор с директором ЦРУ Уильямом Бернсом. По его словам, стороны договорились ' +
  'поддерживать канал связи открытым. В ЦРУ отказались комментировать эти сообщения.';

export const CALL_TEXT = `date 2023-07-13
Naryshkin says he spoke with Burns by phone

Sergei Naryshkin, head of Russia’s Foreign Intelligence Service, said on Thursday that he had spoken by telephone with CIA Director William Burns in late June. "We agreed to keep the channel open," Naryshkin told reporters.

The CIA declined to comment on the call.
`;

/**
 * The seed's story: sentences from the pipeline; times, mentions, an entity, an attribution, an
 * event and a warning written by hand (fixed whatever the stages find), each with a real span.
 */
export function callArticle(overrides: Partial<SourceRecord> = {}): AnalysedDocument {
  const text = overrides.text ?? CALL_TEXT;
  const a = bare({
    text,
    bodyStart: text.indexOf('Naryshkin says'),
    title: 'Naryshkin says he spoke with Burns by phone',
    date: '2023-07-13',
    publisher: 'TASS',
    source: 'Russia',
    url: 'https://example.org/tass/naryshkin-burns',
    path: 'examples/naryshkin.txt',
    ...overrides,
  });
  const naryshkin = at(text, 'Sergei Naryshkin');
  const he = at(text, 'he had spoken');
  const burns = at(text, 'William Burns');
  const said = at(text, 'said');
  const content = at(text, 'that he had spoken by telephone with CIA Director William Burns in late June');
  a.times.push(
    {
      kind: 'time',
      ...at(text, 'on Thursday'),
      text: 'on Thursday',
      value: { start: '2023-07-13', end: '2023-07-13', precision: 'day' },
      explicitYear: false,
    },
    {
      kind: 'time',
      ...at(text, 'in late June'),
      text: 'in late June',
      value: { start: '2023-06-21', end: '2023-06-30', precision: 'month' },
      explicitYear: false,
    },
  );
  a.mentions.push(
    { kind: 'mention', ...naryshkin, text: 'Sergei Naryshkin', type: 'person', entity: 'e1', form: 'name' },
    { kind: 'mention', start: he.start, end: he.start + 2, text: 'he', type: 'person', entity: 'e1', form: 'pronoun' },
    { kind: 'mention', ...burns, text: 'William Burns', type: 'person', entity: 'e2', form: 'name' },
  );
  a.entities.push({
    kind: 'entity',
    ...naryshkin,
    key: 'e1',
    name: 'Sergei Naryshkin',
    type: 'person',
    aliases: ['Naryshkin'],
    roles: ['head of Russia’s Foreign Intelligence Service'],
    affiliations: ['SVR'],
    mentions: [naryshkin, { start: he.start, end: he.start + 2 }, { start: at(text, 'Naryshkin told').start, end: at(text, 'Naryshkin told').start + 9 }],
  });
  a.attributions.push({
    kind: 'attribution',
    start: naryshkin.start,
    end: content.end,
    source: { spans: [[naryshkin.start, naryshkin.end]], text: 'Sergei Naryshkin' },
    cue: { spans: [[said.start, said.end]], text: 'said' },
    content: { spans: [[content.start, content.end]], text: text.slice(content.start, content.end) },
    speaker: 'e1',
    via: null,
    mode: 'indirect',
    stance: 'neutral',
    negated: false,
  });
  a.events.push({
    kind: 'event',
    ...at(text, 'spoken by telephone'),
    key: 'ev1',
    type: 'call',
    label: 'Naryshkin–Burns call',
    trigger: [at(text, 'spoken')],
    participants: ['e1', 'e2'],
    place: null,
    date: { start: '2023-06-21', end: '2023-06-30', precision: 'month' },
    mentions: [at(text, 'spoken by telephone'), at(text, 'the call')],
  });
  a.warnings.push({ code: 'time-vague', stage: 'time', message: '"late June" resolved to its last ten days', ...at(text, 'late June') });
  return a;
}

/** What getDocument should give back for `a`: everything but the tokens. */
export function withoutTokens(a: AnalysedDocument): Omit<AnalysedDocument, 'tokens'> {
  const { tokens: _tokens, ...rest } = a;
  return rest;
}
