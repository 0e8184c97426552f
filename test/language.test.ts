import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/nlp/language/stage.js';
import { toDocument } from '../src/ingest/document.js';
import { analyse } from '../src/nlp/pipeline.js';

const ENGLISH =
  'The foreign ministers of the two countries met in Geneva on Monday and agreed to resume talks on arms control, ' +
  'according to officials who were briefed on the meeting. The talks had been suspended since last year.';
const GERMAN =
  'Die Außenminister der beiden Länder trafen sich am Montag in Genf und vereinbarten, die Gespräche über ' +
  'Rüstungskontrolle wieder aufzunehmen, wie mit dem Treffen vertraute Beamte mitteilten. Die Gespräche waren seit letztem Jahr ausgesetzt.';
const RUSSIAN = 'Министры иностранных дел двух стран встретились в понедельник в Женеве и договорились возобновить переговоры.';
const CHINESE = '两国外长周一在日内瓦会晤，同意恢复军控谈判。据了解会谈情况的官员透露，谈判自去年以来一直暂停。';

describe('language', () => {
  it('tells English from other languages and scripts', () => {
    expect(detectLanguage(ENGLISH)).toBe('en');
    expect(detectLanguage(GERMAN)).toBe('de');
    expect(detectLanguage(RUSSIAN)).toBe('ru');
    expect(detectLanguage(CHINESE)).toBe('zh');
    expect(detectLanguage('12345 --- ...')).toBe('und');
  });

  it('stores but does not analyse a text it cannot read, with a warning', () => {
    const a = analyse(toDocument({ text: RUSSIAN }));
    expect(a.analysed).toBe(false);
    expect(a.doc.lang).toBe('ru');
    expect(a.sentences).toEqual([]);
    expect(a.warnings.map((w) => w.code)).toEqual(['language-not-analysed']);
  });
});
