// Which Latin-letter searches find a Chinese name, given its reading.
import { describe, expect, it } from 'vitest';
import { pinyinMatches, pinyinQuery } from '../../src/domain/pinyin-match.js';

const wangLei = ['wang', 'lei'];

describe('pinyin search', () => {
  it('only Latin letters make a pinyin query; spaces and apostrophes are ignored', () => {
    expect(pinyinQuery('Wang Lei')).toBe('wanglei');
    expect(pinyinQuery("xi'an")).toBe('xian');
    expect(pinyinQuery('王')).toBeUndefined();
    expect(pinyinQuery('138')).toBeUndefined();
  });

  it.each(['wang', 'lei', 'wanglei', 'wl'])('%s finds 王磊', (q) => {
    expect(pinyinMatches(wangLei, q)).toBe(true);
  });

  it.each(['li', 'wlx', 'lw', 'leiw'])('%s does not', (q) => {
    expect(pinyinMatches(wangLei, q)).toBe(false);
  });
});
