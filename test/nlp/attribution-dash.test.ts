/** Quotation dashes: a quote signed '― Name' is read by rule (src/nlp/attribution/dash.ts). */
import { describe, expect, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import { analyse } from '../../src/nlp/pipeline.js';

function relations(text: string): Array<[string | undefined, string, string]> {
  return analyse(toDocument({ text })).attributions.map((f) => [f.source?.text, f.cue.text, f.content.text]);
}

describe('quotation dashes', () => {
  it('signs each quote of a paragraph with the name after its dash, not the next quote', () => {
    const text =
      'Readers wrote in.\n\n“He represents our greatest shame.” ― Sonya Herridge\n“He is ignorant of our culture and lives.”― Pamela Padilla\n“How did we get this low?” ― Jacklyn Ashley.';
    expect(relations(text)).toEqual([
      ['Sonya Herridge', '―', '“He represents our greatest shame.”'],
      ['Pamela Padilla', '―', '“He is ignorant of our culture and lives.”'],
      ['Jacklyn Ashley', '―', '“How did we get this low?”'],
    ]);
  });

  it('reads a quote paragraph signed in the paragraph under it', () => {
    const text = 'The debate, in their words.\n\n"Boeing and GE and other multinationals pay zero taxes."\n\n- Bernie Sanders.\n\nThis is a complex issue.';
    expect(relations(text)).toContainEqual(['Bernie Sanders', '-', '"Boeing and GE and other multinationals pay zero taxes."']);
  });

  it('reads an embedded post without its link, signed with the handle', () => {
    const text = 'Reporters noticed.\n\nJust another day in the campaign. pic.twitter.com/OqctxglquI — Sahil Kapur (@sahilkapur) September 1, 2016';
    expect(relations(text)).toContainEqual(['Sahil Kapur (@sahilkapur)', '—', 'Just another day in the campaign.']);
  });

  it('leaves dashes that sign nothing alone', () => {
    const text = 'The plan ― which nobody liked ― passed. "It is done," she said - and left.';
    expect(relations(text).filter(([, cue]) => /^[―—–-]$/.test(cue))).toEqual([]);
  });
});
