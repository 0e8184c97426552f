/**
 * The entity contract of `rashomon entities FILE... --json` (issue 3). Other tools read it: keep it
 * stable. Spans are `[start, end)` UTF-16 offsets into the text as read; `id` is the global id
 * (src/link/entities.ts), the same in every document that names the same entity.
 */
import { globalEntityId } from '../../link/entities.js';
import type { AnalysedDocument } from '../../model/document.js';
import type { EntityType, Mention } from '../../model/findings.js';

export interface ContractMention {
  start: number;
  end: number;
  text: string;
  form: Mention['form'];
}

export interface ContractEntity {
  id: string;
  name: string;
  type: EntityType;
  roles: string[];
  affiliations: string[];
  aliases: string[];
  mentions: ContractMention[];
}

export function entitiesToContract(a: AnalysedDocument): { entities: ContractEntity[] } {
  const byEntity = new Map<string, ContractMention[]>();
  for (const m of a.mentions) {
    const list = byEntity.get(m.entity) ?? [];
    list.push({ start: m.start, end: m.end, text: m.text, form: m.form });
    byEntity.set(m.entity, list);
  }
  return {
    entities: a.entities.map((e) => ({
      id: globalEntityId(e),
      name: e.name,
      type: e.type,
      roles: [...e.roles],
      affiliations: [...e.affiliations],
      aliases: [...e.aliases],
      mentions: byEntity.get(e.key) ?? [],
    })),
  };
}

/** Maps a document-local entity key to the speaker as the attribution contract shows it. */
export function speakerLookup(a: AnalysedDocument): (key: string) => { id: string; name: string; type: EntityType } | null {
  const byKey = new Map(a.entities.map((e) => [e.key, e]));
  return (key) => {
    const e = byKey.get(key);
    return e ? { id: globalEntityId(e), name: e.name, type: e.type } : null;
  };
}
