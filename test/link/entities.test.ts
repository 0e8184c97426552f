import { describe, expect, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import { globalEntityId, mergeEntities, surnameIndex } from '../../src/link/entities.js';
import type { EntityFinding } from '../../src/model/findings.js';
import { analyse } from '../../src/nlp/pipeline.js';

const entitiesOf = (text: string): EntityFinding[] => analyse(toDocument({ text }), { skip: new Set(['attribution']) }).entities;

function finding(name: string, type: EntityFinding['type'], extra: Partial<EntityFinding> = {}): EntityFinding {
  return { kind: 'entity', key: 'e1', name, type, aliases: [], roles: [], affiliations: [], mentions: [{ start: 0, end: 1 }], start: 0, end: 1, ...extra };
}

describe('global entity ids', () => {
  it('gives spelling variants from the alias table and gazetteers one id', () => {
    expect(globalEntityId({ type: 'place', name: 'Kiev' })).toBe('place:kyiv');
    expect(globalEntityId({ type: 'place', name: 'Kyiv' })).toBe('place:kyiv');
    for (const name of ['Zelensky', 'Zelenskyy', 'Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'Vladimir Zelensky']) {
      expect(globalEntityId({ type: 'person', name })).toBe('person:volodymyr-zelensky');
    }
    expect(globalEntityId({ type: 'place', name: 'U.S.' })).toBe('place:united-states');
    expect(globalEntityId({ type: 'place', name: 'America' })).toBe('place:united-states');
    expect(globalEntityId({ type: 'organization', name: 'C.I.A.' })).toBe('organization:central-intelligence-agency');
    expect(globalEntityId({ type: 'organization', name: 'the Islamic State of Iraq and the Levant' })).toBe('organization:islamic-state');
  });

  it('falls back to the type and the normalised name, ignoring case, accents and middle initials', () => {
    expect(globalEntityId({ type: 'person', name: 'Tatiana Stanovaya' })).toBe('person:tatiana-stanovaya');
    expect(globalEntityId({ type: 'person', name: 'TATIANA Stanovaya' })).toBe('person:tatiana-stanovaya');
    expect(globalEntityId({ type: 'person', name: 'José R. Pérez Jr.' })).toBe('person:jose-perez');
    expect(globalEntityId({ type: 'organization', name: "Russia’s Foreign Intelligence Service" })).toBe(
      'organization:foreign-intelligence-service',
    );
  });

  it('resolves a bare surname through the people the store knows, only when exactly one matches', () => {
    const people = surnameIndex([
      { id: 'person:tatiana-stanovaya', name: 'Tatiana Stanovaya', type: 'person' },
      { id: 'person:john-smith', name: 'John Smith', type: 'person' },
      { id: 'person:jane-smith', name: 'Jane Smith', type: 'person' },
    ]);
    expect(globalEntityId({ type: 'person', name: 'Stanovaya' }, people)).toBe('person:tatiana-stanovaya');
    expect(globalEntityId({ type: 'person', name: 'Smith' }, people)).toBe('person:smith');
    expect(globalEntityId({ type: 'person', name: 'Stanovaya' })).toBe('person:stanovaya');
  });
});

describe('merging a batch of documents', () => {
  const first = entitiesOf('Tatiana Stanovaya, an analyst, said Kiev would hold. President Zelensky agreed.');
  const second = entitiesOf('In Kyiv, Stanovaya said that Volodymyr Zelenskyy would travel to Washington.');

  it('makes Kiev and Kyiv, Zelensky and Zelenskyy, and a bare surname one entity each', () => {
    const merged = mergeEntities([
      { document: 'a.txt', entities: first },
      { document: 'b.txt', entities: second },
    ]);
    const byId = new Map(merged.map((g) => [g.id, g]));
    const kyiv = byId.get('place:kyiv');
    expect(kyiv?.name).toBe('Kyiv');
    expect(kyiv?.aliases).toEqual(['Kiev']);
    expect(kyiv?.members.map((m) => m.document)).toEqual(['a.txt', 'b.txt']);
    const zelensky = byId.get('person:volodymyr-zelensky');
    expect(zelensky?.name).toBe('Volodymyr Zelensky');
    expect(zelensky?.aliases).toEqual(['Volodymyr Zelenskyy', 'Zelensky']);
    expect(zelensky?.roles).toEqual(['President']);
    const stanovaya = byId.get('person:tatiana-stanovaya');
    expect(stanovaya?.members.map((m) => m.document)).toEqual(['a.txt', 'b.txt']);
    expect(stanovaya?.roles).toEqual(['analyst']);
    expect(byId.has('person:stanovaya')).toBe(false);
    expect(byId.get('place:washington')?.type).toBe('place');
  });

  it('is deterministic and independent of document and entity order', () => {
    const ab = mergeEntities([
      { document: 'a.txt', entities: first },
      { document: 'b.txt', entities: second },
    ]);
    const ba = mergeEntities([
      { document: 'b.txt', entities: [...second].reverse() },
      { document: 'a.txt', entities: [...first].reverse() },
    ]);
    expect(ba).toEqual(ab);
    expect(ab.map((g) => g.id)).toEqual([...ab.map((g) => g.id)].sort((x, y) => x.localeCompare(y)));
  });

  it('keeps two people who share a surname apart, and a bare surname with them unresolved', () => {
    const merged = mergeEntities([
      { document: 'a', entities: [finding('John Smith', 'person')] },
      { document: 'b', entities: [finding('Jane Smith', 'person')] },
      { document: 'c', entities: [finding('Smith', 'person')] },
    ]);
    expect(merged.map((g) => g.id)).toEqual(['person:jane-smith', 'person:john-smith', 'person:smith']);
  });
});
