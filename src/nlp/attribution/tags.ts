/**
 * The tag set of the attribution tagger (BIO over three roles) and the chunks a tag sequence makes.
 * PolNeAR gives every token at most one role in at most one attribution, so one tag per token is
 * enough; which chunks belong together is decided afterwards (structure.ts).
 */
import type { Token } from '../../model/document.js';
import type { Sentence } from '../../model/findings.js';

export type Role = 'source' | 'cue' | 'content';

export const O = 0;
export const B_SOURCE = 1;
export const I_SOURCE = 2;
export const B_CUE = 3;
export const I_CUE = 4;
export const B_CONTENT = 5;
export const I_CONTENT = 6;
export const TAG_COUNT = 7;
export const TAG_NAMES = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;

export function roleOf(tag: number): Role | null {
  if (tag === B_SOURCE || tag === I_SOURCE) return 'source';
  if (tag === B_CUE || tag === I_CUE) return 'cue';
  if (tag === B_CONTENT || tag === I_CONTENT) return 'content';
  return null;
}

export function beginTag(role: Role): number {
  return role === 'source' ? B_SOURCE : role === 'cue' ? B_CUE : B_CONTENT;
}

export function isInside(tag: number): boolean {
  return tag === I_SOURCE || tag === I_CUE || tag === I_CONTENT;
}

/** I-X may only follow B-X or I-X: the decoder never produces a chunk that starts with I. */
export function allowedTransition(from: number, to: number): boolean {
  if (!isInside(to)) return true;
  return from === to || from === to - 1;
}

/** A maximal run of tokens with one role; tokens `first..last` inclusive. */
export interface Chunk {
  role: Role;
  first: number;
  last: number;
  start: number;
  end: number;
}

/**
 * Chunks of a tag sequence over `tokens`. A chunk never crosses a paragraph: in PolNeAR a content
 * piece runs over a blank line once in 23,000, while a quote split into paragraphs is several pieces.
 */
export function chunksOf(tags: ArrayLike<number>, tokens: readonly Token[], sentences: readonly Sentence[]): Chunk[] {
  const out: Chunk[] = [];
  let current: Chunk | null = null;
  let paragraph = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const tag = tags[i] ?? O;
    const role = roleOf(tag);
    const p = sentences[token.sentence]?.paragraph ?? -1;
    const continues = current !== null && role === current.role && isInside(tag) && p === paragraph && current.last === i - 1;
    if (current && continues) {
      current.last = i;
      current.end = token.end;
    } else {
      if (current) out.push(current);
      current = role ? { role, first: i, last: i, start: token.start, end: token.end } : null;
    }
    paragraph = p;
  }
  if (current) out.push(current);
  return out;
}
