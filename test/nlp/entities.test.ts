import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import type { AnalysedDocument } from '../../src/model/document.js';
import type { EntityFinding, Mention } from '../../src/model/findings.js';
import { entitiesToContract, speakerLookup, type ContractEntity } from '../../src/nlp/entities/contract.js';
import { analyse } from '../../src/nlp/pipeline.js';

const skip = new Set(['attribution']);
const run = (text: string): AnalysedDocument => analyse(toDocument({ text }), { skip });

function entity(a: AnalysedDocument, name: string): EntityFinding {
  const e = a.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity "${name}" in: ${a.entities.map((x) => x.name).join(', ')}`);
  return e;
}

/** The mention whose text is `text`, the `nth` time it occurs (0-based) among mentions. */
function mention(a: AnalysedDocument, text: string, nth = 0): Mention {
  const m = a.mentions.filter((x) => x.text === text)[nth];
  if (!m) throw new Error(`no mention "${text}" #${nth}`);
  return m;
}

describe('entities stage on the seed article', () => {
  const text = readFileSync(new URL('../../examples/naryshkin-burns-2023-07-13.txt', import.meta.url), 'utf8');
  const a = analyse(toDocument({ text, bodyStart: text.indexOf('Head of'), date: '2023-07-13' }), { skip });

  it('finds the people with the roles and affiliations the text gives them', () => {
    const people = a.entities.filter((e) => e.type === 'person');
    expect(people.map((e) => e.name)).toEqual([
      'Sergei Naryshkin',
      'William Burns',
      'Yevgeny Prigozhin',
      'Volodymyr Zelensky',
      'Tatiana Stanovaya',
      'Jake Sullivan',
      'Putin',
      'Yuri Ushakov',
      'Nikolai Patrushev',
    ]);
    const roles = Object.fromEntries(people.map((e) => [e.name, e.roles]));
    expect(roles).toEqual({
      'Sergei Naryshkin': ["Head of Russia's Foreign Intelligence Service"],
      'William Burns': ['CIA Director'],
      'Yevgeny Prigozhin': ['leader of a Russian paramilitary group'],
      'Volodymyr Zelensky': ['Ukrainian President'],
      'Tatiana Stanovaya': ['analyst'],
      'Jake Sullivan': ['U.S. national security adviser'],
      Putin: ['President'],
      'Yuri Ushakov': ["President Putin's foreign policy adviser"],
      'Nikolai Patrushev': ["Russia's Federal Security Council secretary"],
    });
    expect(entity(a, 'Sergei Naryshkin').affiliations).toEqual(["Russia's Foreign Intelligence Service", 'Russia']);
    expect(entity(a, 'William Burns').affiliations).toEqual(['CIA', 'United States']);
    expect(entity(a, 'Volodymyr Zelensky').affiliations).toEqual(['Ukraine']);
    expect(entity(a, 'Jake Sullivan').affiliations).toEqual(['United States']);
    expect(entity(a, 'Nikolai Patrushev').affiliations).toEqual(["Russia's Federal Security Council", 'Russia']);
    expect(entity(a, 'Yuri Ushakov').affiliations).toContain('Putin');
  });

  it('finds the organisations, places and groups', () => {
    const names = (type: string): string[] => a.entities.filter((e) => e.type === type).map((e) => e.name);
    expect(names('organization')).toEqual(
      expect.arrayContaining([
        "Russia's Foreign Intelligence Service",
        'CIA',
        'The Wall Street Journal',
        'North Atlantic Treaty Organization',
        'White House',
        "Russia's Federal Security Council",
      ]),
    );
    expect(names('place')).toEqual(['Ukraine', 'Moscow', 'Kiev', 'United States', 'Russia']);
    expect(names('group')).toEqual(expect.arrayContaining(['U.S. officials', 'Experts', 'Russian officials', 'Western governments']));
    expect(mention(a, 'NATO').entity).toBe(entity(a, 'North Atlantic Treaty Organization').key);
    expect(mention(a, 'Russians').type).toBe('group');
    expect(entity(a, 'The Wall Street Journal').affiliations).toEqual(['United States']);
  });

  it('gives mention spans that slice the text exactly', () => {
    expect(a.mentions.length).toBeGreaterThan(60);
    for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    // Mentions never overlap: a speaker's source span finds one entity.
    a.mentions.forEach((m, k) => expect(m.start).toBeGreaterThanOrEqual(a.mentions[k - 1]?.end ?? 0));
    for (const e of a.entities) {
      expect(e.mentions.length).toBe(a.mentions.filter((m) => m.entity === e.key).length);
      expect([e.start, e.end]).toEqual([e.mentions[0]?.start, e.mentions[0]?.end]);
    }
    const cia = mention(a, 'CIA');
    expect(text.slice(cia.start - 5, cia.end + 9)).toBe('with CIA Director');
  });

  it('resolves surnames, pronouns and groups to their entity', () => {
    const naryshkin = entity(a, 'Sergei Naryshkin');
    expect(a.mentions.filter((m) => m.text === 'Naryshkin').every((m) => m.entity === naryshkin.key)).toBe(true);
    expect(a.mentions.filter((m) => m.text === 'Naryshkin')).toHaveLength(9);
    const he = a.mentions.find((m) => m.text === 'He' && text.startsWith('He emphasized', m.start));
    expect(he?.entity).toBe(naryshkin.key);
    expect(he?.form).toBe('pronoun');
    const his = a.mentions.find((m) => m.text === 'his' && text.startsWith('his recent phone', m.start));
    expect(his?.entity).toBe(naryshkin.key);
    const stanovaya = entity(a, 'Tatiana Stanovaya');
    const she = a.mentions.filter((m) => m.text === 'She');
    expect(she.map((m) => text.slice(m.start, m.start + 20))).toEqual(['She further suggeste', 'She added that this ']);
    expect(she.every((m) => m.entity === stanovaya.key)).toBe(true);
    expect(mention(a, 'Stanovaya').entity).toBe(stanovaya.key);
    expect(mention(a, 'Zelensky', 1).entity).toBe(entity(a, 'Volodymyr Zelensky').key);
    expect(mention(a, 'Burns', 3).entity).toBe(entity(a, 'William Burns').key);
    const experts = entity(a, 'Experts');
    expect(mention(a, 'They').entity).toBe(experts.key);
    expect(mention(a, 'U.S. officials', 1).entity).toBe(entity(a, 'U.S. officials').key);
  });

  it('gives the contract with global ids', () => {
    expectTypeOf(entitiesToContract).returns.toEqualTypeOf<{ entities: ContractEntity[] }>();
    expectTypeOf<ContractEntity['mentions'][number]>().toEqualTypeOf<{ start: number; end: number; text: string; form: Mention['form'] }>();
    const speaker = speakerLookup(a);
    expect(speaker(entity(a, 'Tatiana Stanovaya').key)).toEqual({ id: 'person:tatiana-stanovaya', name: 'Tatiana Stanovaya', type: 'person' });
    expect(speaker('e999')).toBeNull();
    const { entities } = entitiesToContract(a);
    const kiev = entities.find((e) => e.name === 'Kiev');
    expect(kiev?.id).toBe('place:kyiv');
    expect(entities.find((e) => e.name === 'CIA')?.id).toBe('organization:central-intelligence-agency');
    expect(entities.find((e) => e.name === 'Tatiana Stanovaya')?.id).toBe('person:tatiana-stanovaya');
    const zelensky = entities.find((e) => e.name === 'Volodymyr Zelensky');
    expect(zelensky?.id).toBe('person:volodymyr-zelensky');
    expect(zelensky?.mentions.map((m) => [m.text, m.form])).toEqual([
      ['Volodymyr Zelensky', 'name'],
      ['Zelensky', 'name'],
      ['Zelensky', 'name'],
    ]);
  });
});

describe('entities stage on constructed cases', () => {
  it('maps nationality adjectives to countries', () => {
    const a = run('British Prime Minister Theresa May met German Chancellor Olaf Scholz and Polish officials in Warsaw.');
    expect(entity(a, 'Theresa May').roles).toEqual(['British Prime Minister']);
    expect(entity(a, 'Theresa May').affiliations).toEqual(['United Kingdom']);
    expect(entity(a, 'Olaf Scholz').affiliations).toEqual(['Germany']);
    expect(entity(a, 'Polish officials').affiliations).toEqual(['Poland']);
    expect(entity(a, 'Warsaw').type).toBe('place');
  });

  it('reads a sentence full of names as prose, and a headline without a stop as a headline', () => {
    const a = run('Glenn Beck Rips Progressivism At CPAC\n\nRussian President Vladimir Putin met Chinese President Xi Jinping in Moscow.');
    expect(a.entities.map((e) => `${e.type}:${e.name}`)).toEqual([
      'person:Glenn Beck',
      'organization:CPAC',
      'person:Vladimir Putin',
      'person:Xi Jinping',
      'place:Moscow',
    ]);
    expect(entity(a, 'Xi Jinping').roles).toEqual(['Chinese President']);
    expect(entity(a, 'Xi Jinping').affiliations).toEqual(['China']);
  });

  it('takes an acronym in parentheses as the organisation it follows, and later bare uses too', () => {
    const a = run(
      'The Union of Concerned Scientists (UCS) said the plan was unsafe. A UCS researcher, Jane Doe, disagreed with the Foo Bar Institute.',
    );
    const cpj = entity(a, 'Union of Concerned Scientists');
    expect(cpj.type).toBe('organization');
    expect(a.mentions.filter((m) => m.text === 'UCS').map((m) => m.entity)).toEqual([cpj.key, cpj.key]);
    expect(cpj.aliases).toEqual(['UCS']);
    expect(entity(a, 'Jane Doe').roles).toEqual(['UCS researcher']);
    expect(entity(a, 'Jane Doe').affiliations).toEqual(['Union of Concerned Scientists']);
    expect(entity(a, 'Foo Bar Institute').type).toBe('organization');
  });

  it('makes "President Zelensky" and "Volodymyr Zelenskyy" one person', () => {
    const a = run('President Zelensky spoke on Monday. Volodymyr Zelenskyy later said the talks had failed. Zelenskyy added that he would travel.');
    const people = a.entities.filter((e) => e.type === 'person');
    expect(people).toHaveLength(1);
    expect(people[0]?.name).toBe('Volodymyr Zelenskyy');
    expect(people[0]?.aliases.sort()).toEqual(['Zelensky', 'Zelenskyy']);
    expect(people[0]?.roles).toEqual(['President']);
    expect(mention(a, 'he').entity).toBe(people[0]?.key);
  });

  it('resolves a description to the person whose role it names', () => {
    const a = run(
      'Dmitry Peskov, the Kremlin spokesman, declined to comment. Russian officials met in Moscow on Tuesday. The spokesman later said the meeting was routine.',
    );
    const peskov = entity(a, 'Dmitry Peskov');
    expect(peskov.roles).toEqual(['Kremlin spokesman']);
    expect(peskov.affiliations).toEqual(['Kremlin', 'Russia']);
    const desc = mention(a, 'The spokesman');
    expect([desc.entity, desc.form]).toEqual([peskov.key, 'description']);
  });

  it('resolves "who" to the name before it, and gives "a senior official" an entity of its own', () => {
    const a = run(
      'U.S. officials who spoke to Reuters said the talks stalled. A senior official said so too. The official added that a senior official in Kyiv disagreed.',
    );
    expect(mention(a, 'who').entity).toBe(entity(a, 'U.S. officials').key);
    const first = mention(a, 'A senior official');
    const second = mention(a, 'a senior official');
    expect(first.form).toBe('description');
    expect(second.entity).not.toBe(first.entity);
    expect(mention(a, 'The official').entity).toBe(first.entity);
    expect(entity(a, 'Reuters').type).toBe('organization');
  });

  it('takes "the agency" for the agency named before, and "the Obama campaign" as an organisation', () => {
    const a = run('The CIA declined to comment. The agency later said the report was wrong. The Obama campaign disagreed.');
    expect(mention(a, 'The agency').entity).toBe(entity(a, 'CIA').key);
    const campaign = entity(a, 'Obama campaign');
    expect([campaign.type, campaign.affiliations]).toEqual(['organization', ['Obama']]);
  });

  it('keeps pronoun gender: "she" does not go to a man', () => {
    const a = run('John Smith met Maria Lopez in Madrid. She said the plan would work, and he agreed.');
    expect(mention(a, 'She').entity).toBe(entity(a, 'Maria Lopez').key);
    expect(mention(a, 'he').entity).toBe(entity(a, 'John Smith').key);
  });

  it('does not take capitalised common words, weekdays or events for names', () => {
    const a = run('However, the Cold War ended. Contrary to reports, Naryshkin spoke on Friday. Hurricane Sandy hit New York.');
    expect(a.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['person:Naryshkin', 'place:New York']);
  });

  it('finds no entity in an empty or unanalysed document', () => {
    expect(run('').entities).toEqual([]);
    expect(run('   \n\n ').mentions).toEqual([]);
  });
});
