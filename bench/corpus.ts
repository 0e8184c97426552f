/**
 * A generator of realistic news-like articles (3-5 KB) about recurring actors and events, for
 * benchmarks. Deterministic for a seed; the corpus is generated on demand and never committed.
 */

export interface GeneratedArticle {
  id: string;
  title: string;
  date: string;
  publisher: string;
  text: string;
}

interface Actor {
  first: string;
  last: string;
  role: string;
  country: string;
  org: string;
  pronoun: 'He' | 'She';
}

const COUNTRIES = [
  ['United States', 'American', 'Washington'],
  ['Russia', 'Russian', 'Moscow'],
  ['Ukraine', 'Ukrainian', 'Kyiv'],
  ['China', 'Chinese', 'Beijing'],
  ['France', 'French', 'Paris'],
  ['Germany', 'German', 'Berlin'],
  ['Turkey', 'Turkish', 'Ankara'],
  ['Japan', 'Japanese', 'Tokyo'],
  ['India', 'Indian', 'New Delhi'],
  ['Brazil', 'Brazilian', 'Brasilia'],
  ['Poland', 'Polish', 'Warsaw'],
  ['Israel', 'Israeli', 'Jerusalem'],
] as const;

const FIRST_M = ['Daniel', 'Viktor', 'Sergei', 'James', 'Michael', 'Pierre', 'Hans', 'Kenji', 'Raj', 'Paulo', 'Tomasz', 'David', 'Andrei', 'Oleksandr', 'Li'];
const FIRST_F = ['Anna', 'Maria', 'Elena', 'Sarah', 'Claire', 'Ingrid', 'Yuki', 'Priya', 'Ana', 'Katarzyna', 'Olena', 'Mei', 'Laura', 'Irina', 'Rachel'];
const LAST = ['Morrow', 'Volkov', 'Petrenko', 'Hale', 'Dubois', 'Keller', 'Sato', 'Mehta', 'Silva', 'Nowak', 'Levin', 'Orlov', 'Bennett', 'Kovalenko', 'Zhang', 'Fischer', 'Moreau', 'Tanaka', 'Costa', 'Wiśniewski', 'Carter', 'Sokolov', 'Shevchenko', 'Wang'];
const ROLES = [
  ['Foreign Minister', 'Foreign Ministry'],
  ['Defense Minister', 'Defense Ministry'],
  ['national security adviser', 'National Security Council'],
  ['intelligence chief', 'Foreign Intelligence Service'],
  ['Prime Minister', 'government'],
  ['President', 'presidential administration'],
  ['ambassador to the United Nations', 'mission to the United Nations'],
  ['Finance Minister', 'Finance Ministry'],
] as const;
const PUBLISHERS = ['The Daily Ledger', 'Global Wire', 'The Evening Courier', 'Northern Times', 'Capital Post', 'World Report'];
const EVENT_KINDS = [
  ['phone call', 'spoke by phone with', 'The call'],
  ['meeting', 'met with', 'The meeting'],
  ['visit', 'traveled to meet', 'The visit'],
  ['summit', 'held a summit with', 'The summit'],
  ['round of talks', 'held talks with', 'The talks'],
] as const;
const TOPICS = [
  'the war in Ukraine', 'grain exports through the Black Sea', 'nuclear arms control', 'sanctions on energy exports',
  'a prisoner exchange', 'cyber attacks on hospitals', 'the security of nuclear power plants', 'trade tariffs',
  'humanitarian corridors', 'military aid', 'the ceasefire in the region', 'maritime security in the Pacific',
];
const CUES = ['said', 'told reporters', 'stated', 'added', 'noted', 'claimed', 'insisted', 'confirmed', 'explained'];
const WHEN = ['last week', 'on Monday', 'on Tuesday', 'earlier this month', 'last month', 'in March', 'on Friday', 'yesterday'];

/** Mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

function makeActors(seed: number, count: number): Actor[] {
  const r = rng(seed);
  const actors: Actor[] = [];
  for (let i = 0; i < count; i++) {
    const female = r() < 0.4;
    const [country] = pick(r, COUNTRIES);
    const [role, org] = pick(r, ROLES);
    actors.push({
      first: pick(r, female ? FIRST_F : FIRST_M),
      last: LAST[i % LAST.length] + (i >= LAST.length ? `-${pick(r, LAST)}` : ''),
      role,
      country,
      org: `${country}'s ${org}`,
      pronoun: female ? 'She' : 'He',
    });
  }
  return actors;
}

const ACTORS = makeActors(7, 60);

function isoDate(day: number): string {
  return new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** The i-th article of the corpus for `seed`: the same arguments always give the same article. */
export function article(i: number, seed = 1): GeneratedArticle {
  const r = rng(seed * 1_000_003 + i);
  // Recurring events: every ~40 articles talk about one of a bounded set of events.
  const eventNo = Math.floor(r() * Math.max(50, i / 8));
  const er = rng(eventNo * 7919 + seed);
  const a = pick(er, ACTORS);
  let b = pick(er, ACTORS);
  for (let k = 1; b === a || b.country === a.country; k++) b = ACTORS[(ACTORS.indexOf(a) + k) % ACTORS.length] as Actor;
  const [kind, verb, the] = pick(er, EVENT_KINDS);
  const topic = pick(er, TOPICS);
  const topic2 = pick(er, TOPICS);
  const eventDay = Math.floor(er() * 1400);
  const date = isoDate(eventDay + 1 + Math.floor(r() * 10));
  const publisher = pick(r, PUBLISHERS);
  const hours = 1 + Math.floor(er() * 3);
  const aName = `${a.first} ${a.last}`;
  const bName = `${b.first} ${b.last}`;
  const paras: string[] = [];
  paras.push(
    `${a.country}'s ${a.role} ${aName} ${verb} ${b.country}'s ${b.role}, ${bName}, ${pick(r, WHEN)}, in a ${kind} that officials on both sides described as focused on ${topic}.`,
  );
  paras.push(
    `According to officials who spoke to ${publisher}, ${a.last} raised concerns about ${topic2} and asked for guarantees. ${the} lasted about ${hours === 1 ? 'an hour' : `${hours} hours`}, ${pick(r, ['one official', 'a senior diplomat', 'an aide'])} said.`,
  );
  paras.push(
    `"We had a frank and detailed exchange on ${topic}, and we agreed to keep the channels open," ${a.last} ${pick(r, CUES)} after the ${kind}. ${a.pronoun} added that no decision had been taken on ${topic2}.`,
  );
  paras.push(
    `${bName}, who leads ${b.org}, gave a different account. ${b.pronoun} ${pick(r, CUES)} that the main subject was ${topic2} and that ${topic} was mentioned only briefly. "Our position has not changed," ${b.pronoun === 'He' ? 'he' : 'she'} said.`,
  );
  paras.push(
    `Analysts who follow ${b.country}'s foreign policy were cautious. "Both governments want to show their own public that they are in control," said ${pick(r, FIRST_F)} ${pick(r, LAST)}, an analyst at the ${pick(r, ['Institute for Strategic Studies', 'Center for International Policy', 'European Policy Forum'])}. She said the two sides were unlikely to reach an agreement before the end of the year.`,
  );
  paras.push(
    `The ${kind} came ${pick(r, ['two weeks', 'a month', 'ten days'])} after ${b.country} announced new measures on ${topic2}, a move that ${a.country} condemned at the time. In ${pick(r, ['January', 'February', 'April', 'June', 'September', 'November'])}, the two governments had exchanged sharply worded statements, and ${pick(r, ['a planned visit was cancelled', 'talks were suspended', 'ambassadors were recalled'])}.`,
  );
  paras.push(
    `${a.last}'s office said in a statement that further contacts were planned "at the appropriate level." ${b.last} did not confirm that, and a spokesperson for ${b.org} declined to comment on the timing of a next meeting.`,
  );
  paras.push(
    `Observers in ${pick(r, COUNTRIES)[2]} noted that ${topic} has dominated diplomatic contacts for months. Some officials said privately that ${topic2} was a more urgent problem, while others insisted that the two issues could not be separated. Critics claimed that the talks were mostly symbolic.`,
  );
  while (paras.join('\n\n').length < 3000 + Math.floor(r() * 1500)) {
    paras.push(
      `${pick(r, ['Separately', 'Meanwhile', 'Earlier', 'In a related development'])}, ${pick(r, ACTORS).first} ${pick(r, LAST)}, a ${pick(r, ['spokesman', 'senior official', 'lawmaker', 'diplomat'])} in ${pick(r, COUNTRIES)[2]}, said that ${pick(r, TOPICS)} would be discussed at a meeting ${pick(r, ['next month', 'later this year', 'in the coming weeks'])}. The remarks were reported by ${pick(r, PUBLISHERS)} and could not be independently verified.`,
    );
  }
  const title = `${a.last} and ${b.last} discuss ${topic} in ${kind}`;
  return { id: `gen-${seed}-${i}`, title, date, publisher, text: paras.join('\n\n') };
}

/** Articles `from` .. `from + count - 1`. */
export function* articles(count: number, seed = 1, from = 0): Generator<GeneratedArticle> {
  for (let i = from; i < from + count; i++) yield article(i, seed);
}
