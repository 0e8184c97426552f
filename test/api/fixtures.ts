/**
 * A store for API and browser tests: documents, search and stats from the real SQLite store; events
 * and entities, which the SQLite store does not serve yet, from hand-written fixtures over the real
 * seed article (every evidence span is found in the stored text, so links land on real sentences).
 */
import { readFileSync } from 'node:fs';
import { toDocument } from '../../src/ingest/document.js';
import type { CompareEvent, Evidence } from '../../src/model/compare.js';
import type { SourceRecord } from '../../src/model/document.js';
import { analyse } from '../../src/nlp/pipeline.js';
import { packagePath } from '../../src/paths.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type {
  EntityDetail,
  EntityQuery,
  EntitySummary,
  EventQuery,
  EventSummary,
  Page,
  Store,
} from '../../src/store/store.js';

export const SEED_PATH = packagePath('examples', 'naryshkin-burns-2023-07-13.txt');
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');

export const WSJ: SourceRecord = {
  id: 'wsj-burns-call',
  title: 'CIA chief called Russian spy boss to say U.S. had no role in mutiny',
  date: '2023-06-30',
  publisher: 'The Wall Street Journal',
  source: 'U.S. officials',
  url: 'https://example.org/wsj/burns-naryshkin',
  text:
    'CIA Director William Burns called Sergei Naryshkin, the head of Russia’s Foreign Intelligence Service, ' +
    'after the mutiny, U.S. officials said. Burns told Naryshkin that the United States had no role in the ' +
    'uprising, the officials said.',
};

export const XSS_TEXT =
  'Officials said the page contained <script>window.__xss=1</script> and an image ' +
  '<img src=x onerror="window.__xss=1"> and a link javascript:alert(1) that must stay text.';

export const XSS: SourceRecord = {
  id: 'xss-doc',
  title: '<img src=x onerror="window.__xss=1"> title',
  date: '2023-07-01',
  publisher: '<b>Evil</b> Press',
  url: 'javascript:alert(1)',
  text: XSS_TEXT,
};

export function spanOf(text: string, needle: string): { start: number; end: number; text: string } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`'${needle}' not in text`);
  return { start, end: start + needle.length, text: needle };
}

function evidence(source: string, document: string, text: string, needle: string): Evidence {
  return { source, document, ...spanOf(text, needle) };
}

/** The seed's call, as the compare stage should see it: two accounts, one conflict. */
export function callEvent(seedId: string): CompareEvent {
  const us = 'U.S. officials';
  const ru = 'Naryshkin';
  const purposeUs = evidence(us, seedId, SEED_TEXT, 'The purpose of the call was reportedly to reassure Moscow that the U.S. government was not involved in any actions aimed at overthrowing the Russian government.');
  const purposeRu = evidence(ru, seedId, SEED_TEXT, 'Contrary to this, Naryshkin claimed that the mutiny was merely a pretext and that a significant portion of the conversation focused on discussing Ukraine-related topics and events.');
  return {
    id: 'ev-call',
    label: 'Burns–Naryshkin phone call',
    type: 'call',
    date: { start: '2023-06-01', end: '2023-06-30', precision: 'month' },
    place: null,
    participants: [
      { id: 'ent-burns', name: 'William Burns', type: 'person' },
      { id: 'ent-naryshkin', name: 'Sergei Naryshkin', type: 'person' },
    ],
    documents: [seedId, WSJ.id as string],
    accounts: [
      { source: us, documents: [WSJ.id as string, seedId], claims: [{ id: 'c1', document: seedId, start: purposeUs.start, end: purposeUs.end, text: purposeUs.text, speaker: us }] },
      { source: ru, documents: [seedId], claims: [{ id: 'c2', document: seedId, start: purposeRu.start, end: purposeRu.end, text: purposeRu.text, speaker: 'Sergei Naryshkin' }] },
    ],
    points: [
      {
        id: 'p1',
        summary: 'Burns and Naryshkin spoke by phone',
        status: 'shared',
        sources: [us, ru],
        evidence: [
          evidence(us, WSJ.id as string, WSJ.text, 'CIA Director William Burns called Sergei Naryshkin'),
          evidence(ru, seedId, SEED_TEXT, 'his recent phone conversation with CIA Director William Burns centered around the ongoing war in Ukraine'),
        ],
        reason: null,
      },
      {
        id: 'p2',
        summary: 'The main purpose of the call',
        status: 'conflict',
        sources: [us, ru],
        evidence: [purposeUs, purposeRu],
        reason: 'different main purpose: reassuring Moscow about the mutiny vs. discussing Ukraine',
      },
      {
        id: 'p3',
        summary: 'The call lasted about an hour',
        status: 'only',
        sources: [ru],
        evidence: [evidence(ru, seedId, SEED_TEXT, 'Naryshkin mentioned that his conversation with Burns lasted approximately an hour')],
        reason: null,
      },
    ],
  };
}

/** A second event with awkward text: quotes, a formula-like label, markup. */
export function otherEvent(): CompareEvent {
  return {
    id: 'ev-summit',
    label: '=HYPERLINK("http://x") <b>NATO</b> summit, "Vilnius"',
    type: 'summit',
    date: { start: '2023-07-11', end: '2023-07-12', precision: 'day' },
    place: 'Vilnius',
    participants: [{ id: 'ent-zelensky', name: 'Volodymyr Zelensky', type: 'person' }],
    documents: [],
    accounts: [],
    points: [{ id: 'q1', summary: '-2+3 leaders met', status: 'only', sources: ['NATO'], evidence: [], reason: null }],
  };
}

export function entityFixtures(seedId: string): EntityDetail[] {
  const burns = spanOf(SEED_TEXT, 'Burns had contacted Naryshkin after a short-lived mutiny by Yevgeny Prigozhin');
  const claimed = spanOf(SEED_TEXT, 'the mutiny was merely a pretext');
  return [
    {
      id: 'ent-naryshkin',
      name: 'Sergei Naryshkin',
      type: 'person',
      aliases: ['Naryshkin'],
      roles: ['Head of Russia’s Foreign Intelligence Service'],
      affiliations: ['Russia’s Foreign Intelligence Service'],
      documentCount: 1,
      mentionCount: 12,
      statements: [
        { document: seedId, documentTitle: null, date: '2023-07-13', ...claimed, cue: 'claimed', relation: 'by' },
        { document: seedId, documentTitle: null, date: '2023-07-13', ...burns, cue: 'According to', relation: 'about' },
      ],
      related: [{ id: 'ent-burns', name: 'William Burns', type: 'person', documents: 1 }],
      events: [{ id: 'ev-call', label: 'Burns–Naryshkin phone call', date: { start: '2023-06-01', end: '2023-06-30', precision: 'month' } }],
    },
    {
      id: 'ent-burns',
      name: 'William Burns',
      type: 'person',
      aliases: ['Burns'],
      roles: ['CIA Director'],
      affiliations: ['CIA'],
      documentCount: 2,
      mentionCount: 9,
      statements: [],
      related: [{ id: 'ent-naryshkin', name: 'Sergei Naryshkin', type: 'person', documents: 1 }],
      events: [{ id: 'ev-call', label: 'Burns–Naryshkin phone call', date: { start: '2023-06-01', end: '2023-06-30', precision: 'month' } }],
    },
  ];
}

function summarise(e: CompareEvent): EventSummary {
  const sources = e.accounts.map((a) => a.source);
  return {
    id: e.id,
    label: e.label,
    type: e.type,
    date: e.date,
    place: e.place,
    participants: e.participants,
    documentCount: e.documents.length,
    sourceCount: sources.length,
    sources,
    conflictCount: e.points.filter((p) => p.status === 'conflict').length,
    pointCount: e.points.length,
  };
}

const words = (s: string): string[] => s.toLowerCase().split(/\W+/).filter(Boolean);

/** Every Store method from `inner`, except the events and entities queries, which answer from the fixtures. */
export function withLinks(inner: Store, events: CompareEvent[], entities: EntityDetail[]): Store {
  const listEvents = async (q: EventQuery): Promise<Page<EventSummary>> => {
    const matching = events.filter((e) => {
      if (q.entity !== undefined && !e.participants.some((p) => p.id === q.entity)) return false;
      if (q.type !== undefined && e.type !== q.type) return false;
      if (q.from !== undefined && (!e.date || e.date.end < q.from)) return false;
      if (q.to !== undefined && (!e.date || e.date.start > q.to)) return false;
      if (q.hasConflict !== undefined && e.points.some((p) => p.status === 'conflict') !== q.hasConflict) return false;
      if (q.text !== undefined) {
        const hay = new Set(words([e.label, ...e.participants.map((p) => p.name)].join(' ')));
        if (!words(q.text).every((w) => hay.has(w))) return false;
      }
      return true;
    });
    return { total: matching.length, items: matching.slice(q.offset, q.offset + q.limit).map(summarise) };
  };
  const listEntities = async (q: EntityQuery): Promise<Page<EntitySummary>> => {
    const matching = entities.filter(
      (e) => (q.type === undefined || e.type === q.type) && (q.text === undefined || words(q.text).every((w) => words([e.name, ...e.aliases].join(' ')).includes(w))),
    );
    return {
      total: matching.length,
      items: matching.slice(q.offset, q.offset + q.limit).map(({ statements: _s, related: _r, events: _e, ...summary }) => summary),
    };
  };
  const overrides: Partial<Store> = {
    listEvents,
    getEvent: async (id) => events.find((e) => e.id === id) ?? null,
    // Each document's main event is the first fixture event that names it.
    mainEvents: async (docs) =>
      new Map(docs.flatMap((d) => {
        const main = events.find((e) => e.documents.includes(d));
        return main ? [[d, main.id] as const] : [];
      })),
    listEntities,
    getEntity: async (id) => entities.find((e) => e.id === id) ?? null,
  };
  // Everything else goes to the real store, whatever methods the interface gains.
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof Store];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface Fixture {
  store: Store;
  seedId: string;
  events: CompareEvent[];
}

/** The seed article, the WSJ report and the XSS document in a real in-memory SQLite store, with linked events on top. */
export async function fixtureStore(): Promise<Fixture> {
  const sqlite = openSqliteStore(':memory:');
  const seed: SourceRecord = { text: SEED_TEXT, date: '2023-07-13', path: SEED_PATH, bodyStart: SEED_TEXT.indexOf('Head of') };
  const docs = [seed, WSJ, XSS].map((r) => analyse(toDocument(r)));
  await sqlite.putDocuments(docs);
  const seedId = docs[0]?.doc.id as string;
  const events = [callEvent(seedId), otherEvent()];
  return { store: withLinks(sqlite, events, entityFixtures(seedId)), seedId, events };
}
