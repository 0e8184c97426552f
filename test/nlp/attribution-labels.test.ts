/** Speaker labels: 'NAME: ...' turns and 'Name: claim' headlines are read by rule (src/nlp/attribution/labels.ts). */
import { describe, expect, it } from 'vitest';
import { toDocument } from '../../src/ingest/document.js';
import { analyse } from '../../src/nlp/pipeline.js';

function relations(text: string): Array<[string | undefined, string, string]> {
  return analyse(toDocument({ text })).attributions.map((f) => [f.source?.text, f.cue.text, f.content.text]);
}

describe('speaker labels', () => {
  it('gives each transcript turn to the speaker in capitals before its colon', () => {
    const text =
      'Partial transcript as follows:\n\n"WALLACE: Let’s start with the debate. Why would he do that?\n\n"PENCE: Well, look, this is serious business, Chris.';
    const found = relations(text);
    expect(found).toContainEqual(['WALLACE', ':', 'Let’s start with the debate. Why would he do that?']);
    expect(found).toContainEqual(['PENCE', ':', 'Well, look, this is serious business, Chris.']);
  });

  it('reads a headline that names its speaker first', () => {
    const text = 'Pat Caddell: Democrat Voters Worried About the Race\n\nThe pollster spoke on Thursday.';
    expect(relations(text)).toContainEqual(['Pat Caddell', ':', 'Democrat Voters Worried About the Race']);
  });

  it('takes no label from a heading in capitals with nothing said after it, or from a colon in running text', () => {
    const text = 'The Latest: Markets fell sharply on Monday.\n\nNOTE: 1\n\nThe plan has three parts: tax, trade and defence.';
    expect(relations(text).filter(([, cue]) => cue === ':')).toEqual([]);
  });
});
