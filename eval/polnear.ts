/**
 * Reads the PolNeAR corpus (brat standoff) from `../shared/data/polnear`. Shared by the attribution
 * evaluation and the tagger's training script. The texts are research-only: they are read from the
 * shared folder at run time and never copied into the repo.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Token } from '../src/model/document.js';
import { beginTag, O } from '../src/nlp/attribution/tags.js';

export type Piece = [number, number];
export type Role = 'source' | 'cue' | 'content';
export const ROLES: readonly Role[] = ['source', 'cue', 'content'];

/** One attribution relation as annotated: each role is a list of contiguous pieces. */
export interface GoldAttribution {
  source: Piece[] | null;
  cue: Piece[];
  content: Piece[];
}

export interface PolnearDocument {
  /** File name without `.txt`. */
  name: string;
  text: string;
  /** The annotation file used: the first in sorted file-name order. */
  annFile: string;
  attributions: GoldAttribution[];
}

interface TextBound {
  type: string;
  pieces: Piece[];
}

/** The repo's view of the shared data: `<repo>/../shared/data/polnear`. */
export function polnearRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  // Compiled or not, this file sits in `<root>/eval/`, `<build>/eval/` or `<build>/<x>/eval/`: look upward.
  let dir = here;
  for (let i = 0; i < 5; i++) {
    const candidate = resolve(dir, '../shared/data/polnear');
    if (existsSync(candidate)) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(process.cwd(), '../shared/data/polnear');
}

/** `dev`, `train`, or a path to a folder with `text/` and `attributions/`. */
export function splitDir(split: string): string {
  if (split === 'dev' || split === 'train') return join(polnearRoot(), split);
  return resolve(split);
}

export function splitExists(dir: string): boolean {
  return existsSync(join(dir, 'text')) && existsSync(join(dir, 'attributions'));
}

/**
 * Every document of a split, in sorted file-name order, with its first annotator's relations (the
 * evaluation's gold). With `allAnnotators`, one entry per annotation file (training may use them all).
 */
export function loadSplit(dir: string, allAnnotators = false): PolnearDocument[] {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  const annFiles = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const byDoc = new Map<string, string[]>();
  for (const file of annFiles) {
    // `<doc>_<annotator>.ann`; document names contain underscores themselves.
    const doc = file.replace(/_[^_]+\.ann$/, '');
    byDoc.set(doc, [...(byDoc.get(doc) ?? []), file]);
  }
  const docs: PolnearDocument[] = [];
  for (const file of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = basename(file, '.txt');
    const anns = byDoc.get(name) ?? [];
    if (anns.length === 0) continue;
    const text = readFileSync(join(textDir, file), 'utf8');
    for (const ann of allAnnotators ? anns : anns.slice(0, 1)) {
      const attributions = parseAnn(readFileSync(join(annDir, ann), 'utf8'));
      docs.push({ name, text, annFile: ann, attributions });
    }
  }
  return docs;
}

/**
 * The attribution relations of one `.ann` file. Relations lacking a cue or a content (a handful of
 * empty events) are dropped. `Content2` (a second content argument, 0.3% of relations) is part of
 * the content.
 */
export function parseAnn(ann: string): GoldAttribution[] {
  const bounds = new Map<string, TextBound>();
  const events: string[] = [];
  for (const record of records(ann)) {
    const [id = '', spec = ''] = record.split('\t');
    if (id.startsWith('T')) {
      const space = spec.indexOf(' ');
      const type = spec.slice(0, space);
      const pieces = spec
        .slice(space + 1)
        .split(';')
        .map((p) => p.trim().split(' ').map(Number) as Piece)
        .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s);
      bounds.set(id, { type, pieces });
    } else if (id.startsWith('E')) {
      events.push(spec);
    }
  }
  const out: GoldAttribution[] = [];
  for (const spec of events) {
    const args = spec.trim().split(/\s+/);
    const kind = args[0]?.split(':')[0];
    if (kind !== 'Attribution' && kind !== 'Attribution-no-source') continue;
    let source: Piece[] | null = null;
    const cue: Piece[] = [];
    const content: Piece[] = [];
    for (const arg of args.slice(1)) {
      const [role = '', ref = ''] = arg.split(':');
      const pieces = bounds.get(ref)?.pieces ?? [];
      if (role === 'Source') source = [...(source ?? []), ...pieces];
      else if (role === 'Cue') cue.push(...pieces);
      else if (role.startsWith('Content')) content.push(...pieces);
    }
    if (cue.length === 0 || content.length === 0) continue;
    sortPieces(cue);
    sortPieces(content);
    if (source) sortPieces(source);
    out.push({ source: source && source.length > 0 ? source : null, cue, content });
  }
  return out;
}

function sortPieces(pieces: Piece[]): void {
  pieces.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** A record's text may run over a newline; a new record starts at a line like `T12<TAB>`. */
function records(ann: string): string[] {
  const out: string[] = [];
  for (const line of ann.split('\n')) {
    if (/^[TEA#R]\d+\t/.test(line)) out.push(line);
    else if (out.length > 0) out[out.length - 1] += `\n${line}`;
  }
  return out;
}

/**
 * One tag per token from the gold relations: a token takes a role when at least half of it lies in
 * a piece of that role; the first token of each piece is B-, the others I-. The first relation to
 * claim a token keeps it (PolNeAR flattens nested attributions, so clashes are rare).
 */
export function goldTags(tokens: readonly Token[], attributions: readonly GoldAttribution[]): Uint8Array {
  const tags = new Uint8Array(tokens.length);
  const starts = tokens.map((t) => t.start);
  for (const a of attributions) {
    for (const role of ROLES) {
      for (const [s, e] of a[role] ?? []) {
        let i = lowerBound(starts, s);
        if (i > 0 && (tokens[i - 1] as Token).end > s) i--;
        let first = true;
        for (; i < tokens.length; i++) {
          const t = tokens[i] as Token;
          if (t.start >= e) break;
          const covered = Math.min(t.end, e) - Math.max(t.start, s);
          if (covered * 2 < t.end - t.start) continue;
          if (tags[i] === O) {
            tags[i] = first ? beginTag(role) : beginTag(role) + 1;
            first = false;
          } else {
            first = true;
          }
        }
      }
    }
  }
  return tags;
}

function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
