import { beforeAll, describe, expect, it } from 'vitest';
import { columns, displayWidth, measuring, truncate } from '../../src/output/columns.js';

beforeAll(() => measuring('e\u0301'));

describe('text columns', () => {
  it.each([
    ['Wang Lei', 8],
    ['王磊', 4],
    ['Li 娜', 5],
    ['１２３', 6],
    ['e\u0301', 1],
    ['\u001b[1mbold\u001b[22m', 4],
  ])('%j is %i columns wide', (text, width) => expect(displayWidth(text)).toBe(width));

  it('lines up Chinese and English names', () => {
    const out = columns(
      [{ header: '#' }, { header: 'name' }, { header: 'stage' }],
      [
        ['1', 'Wang Lei', 'new'],
        ['2', '欧阳娜娜', 'negotiating'],
        ['3', 'Li 娜', 'won'],
      ],
    ).split('\n');
    const at = (line: string) => displayWidth(line.slice(0, line.search(/(new|negotiating|won|stage)$/)));
    expect(new Set(out.map(at)).size).toBe(1);
  });

  it('shrinks the flexible column to the width given, cutting by display width', () => {
    const out = columns(
      [{ header: 'name' }, { header: 'note', flex: true }],
      [['王磊', '周末带家人来看车，关心油耗和保养费用，想要白色']],
      { width: 30 },
    );
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(30);
    expect(out).toContain('…');
  });

  it('truncates without splitting a wide character and flattens line breaks', () => {
    expect(truncate('王磊王磊王磊', 5)).toBe('王磊…');
    expect(truncate('two\nlines', 20)).toBe('two lines');
  });
});

describe('a narrow terminal', () => {
  it('takes width from the note first, then from the columns with a maximum', () => {
    const rows = [
      ['O', '42', '欧阳娜娜 Nana Ouyang', '+86 138 0013 8000', 'negotiating', '周末带家人来看车，关心油耗和保养费用'],
    ];
    const cols = [
      { header: 'tier' },
      { header: '#' },
      { header: 'name', max: 20 },
      { header: 'phone', max: 18 },
      { header: 'stage' },
      { header: 'last', flex: true },
    ];
    for (const width of [100, 80, 70]) {
      for (const line of columns(cols, rows, { width }).split('\n'))
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
    expect(columns(cols, rows, { width: 70 })).toContain('negotiating');
  });
});
