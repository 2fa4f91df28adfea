import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  openingLines,
  parseScripts,
  personalise,
  questions,
  ScriptFormatError,
  type Personal,
  type Topic,
} from '../../src/domain/script.js';
import { ROOT } from '../helpers/cli.js';

const load = (lang: string) =>
  parseScripts(readFileSync(join(ROOT, 'src', 'scripts', `${lang}.md`), 'utf8'), `${lang}.md`);
const en = load('en');
const zh = load('zh');
const topic = (list: Topic[], key: string) => list.find((t) => t.key === key)!;

const TOPICS = [
  'reception',
  'consult',
  'present',
  'test-drive',
  'negotiate',
  'close',
  'delivery',
  'follow-up',
  'aftersales',
  'complaint',
  'visit-prep',
  'insurance',
  'medical',
  'consult-real-estate',
  'real-estate',
  'consult-insurance',
  'consult-travel',
  'travel',
  'consult-medical',
  'customer-types',
];

describe('the built-in scripts', () => {
  it('cover every topic the product promises', () => {
    expect(en.map((t) => t.key)).toEqual(TOPICS);
  });

  it('exist in English and Chinese with the same structure, topic by topic and item by item', () => {
    const shape = (list: Topic[]) =>
      list.map((t) => ({
        key: t.key,
        sections: t.sections.map((s) => ({ key: s.key, items: s.items.map((i) => i.key ?? '-') })),
      }));
    expect(shape(zh)).toEqual(shape(en));
  });

  it('every topic has a title, a summary and something to say', () => {
    for (const t of [...en, ...zh]) {
      expect(t.title, t.key).not.toBe('');
      expect(t.summary, t.key).not.toBe('');
      expect(t.sections.flatMap((s) => s.items).length, t.key).toBeGreaterThan(2);
    }
  });

  it('Chinese scripts are written in Chinese', () => {
    for (const t of zh)
      for (const s of t.sections)
        for (const i of s.items) expect(i.text, `${t.key}: ${i.text}`).toMatch(/[\u4e00-\u9fff]/);
  });

  it('consult has at least ten questions, each with a stable key, ending with a question mark', () => {
    for (const list of [en, zh]) {
      const qs = questions(topic(list, 'consult'));
      expect(qs.length).toBeGreaterThanOrEqual(10);
      expect(qs.map((q) => q.key)).toEqual(
        expect.arrayContaining(['budget', 'main_use', 'previous_car', 'decision_maker', 'other_models', 'priority']),
      );
      for (const q of qs) expect(q.text, q.text).toMatch(/[?？]$/);
    }
  });

  it('the questions a consultant asks aloud end with a question mark', () => {
    for (const list of [en, zh]) {
      for (const key of ['reception', 'test-drive', 'delivery']) {
        for (const item of topic(list, key).sections.flatMap((s) => s.items.filter((i) => i.key)))
          expect(item.text).toMatch(/[?？]$/);
      }
    }
  });

  it('present has the five aspects and negotiate the four objections, as keyed sections', () => {
    expect(
      topic(en, 'present')
        .sections.filter((s) => s.key)
        .map((s) => s.key),
    ).toEqual(['safety', 'performance', 'comfort', 'styling', 'value']);
    expect(
      topic(en, 'negotiate')
        .sections.filter((s) => s.key)
        .map((s) => s.key),
    ).toEqual(['price', 'spouse', 'compare', 'later']);
  });
});

describe('the script format', () => {
  it('reads topics, summaries, keyed sections and items, and skips comments', () => {
    const [t] = parseScripts(
      '<!-- hi -->\n# demo: Demo\n> A summary\n## [a] First\n- [q1] Why?\n- Say hello to {name}.\n',
      'x.md',
    );
    expect(t).toEqual({
      key: 'demo',
      title: 'Demo',
      summary: 'A summary',
      file: 'x.md',
      sections: [{ key: 'a', title: 'First', items: [{ key: 'q1', text: 'Why?' }, { text: 'Say hello to {name}.' }] }],
    });
  });

  it.each([
    ['# demo: Demo\n## S\n- ok\njust text\n', 4, 'badLine'],
    ['- an item\n', 1, 'noTopic'],
    ['# demo: Demo\n- an item\n', 2, 'noSection'],
    ['# Demo without key\n', 1, 'badKey'],
    ['# demo: Demo\n## S\n- Hello {customer}\n', 3, 'placeholder'],
    ['# demo: Demo\n## S\n- [Bad Key] x\n', 3, 'badKey'],
    ['# demo: A\n# demo: B\n', 2, 'duplicate'],
  ])('%j fails at line %i (%s)', (text, line, problem) => {
    try {
      parseScripts(text, 'mine.md');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScriptFormatError);
      expect(e).toMatchObject({ file: 'mine.md', line, problem });
    }
  });
});

describe('personalising', () => {
  const blanks = { name: '[name]', interest: '[model]', me: '[me]', store: '[store]' };
  const who = (over: Partial<Personal> = {}): Personal => ({
    values: {},
    blanks,
    answers: {},
    objections: [],
    ...over,
  });

  it('fills the placeholders, or shows blanks when a value is unknown', () => {
    const t = personalise(
      topic(en, 'delivery'),
      who({ values: { name: 'Wang Lei', me: 'Amy', store: 'Harbour Audi' } }),
    );
    const call = t.sections.find((s) => s.title.includes('one-week'))!.items[0]!.text;
    expect(call).toBe("Hello Wang Lei, it's Amy from Harbour Audi. How is the car after the first week?");
    const blank = personalise(topic(en, 'delivery'), who()).sections.find((s) => s.title.includes('one-week'))!
      .items[0]!.text;
    expect(blank).toContain('Hello [name]');
  });

  it('consult: unanswered questions first, answered ones marked with the answer', () => {
    const t = personalise(topic(en, 'consult'), who({ answers: { budget: '250k', driving_years: '10' } }));
    const qs = t.sections.find((s) => s.items.some((i) => i.key))!.items;
    expect(qs.slice(-2).map((i) => [i.key, i.answer])).toEqual([
      ['driving_years', '10'],
      ['budget', '250k'],
    ]);
    expect(qs[0]!.key).toBe('previous_car');
    expect(qs[0]!.answer).toBeUndefined();
  });

  it('present: the aspects they said matter come first, in the order they said them', () => {
    const keys = (answers: Record<string, string>) =>
      personalise(topic(en, 'present'), who({ answers }))
        .sections.filter((s) => s.key)
        .map((s) => `${s.key}${s.first ? '*' : ''}`);
    expect(keys({ priority: 'Good value, and it must look great' })).toEqual([
      'value*',
      'styling*',
      'safety',
      'performance',
      'comfort',
    ]);
    expect(keys({ priority: '空间大、安全' })).toEqual(['comfort*', 'safety*', 'performance', 'styling', 'value']);
    expect(keys({})).toEqual(['safety', 'performance', 'comfort', 'styling', 'value']);
  });

  it('present keeps the opening advice first', () => {
    const t = personalise(topic(en, 'present'), who({ answers: { priority: 'value' } }));
    expect(t.sections[0]!.key).toBeUndefined();
  });

  it('negotiate: the objections this prospect raised come first', () => {
    const t = personalise(topic(en, 'negotiate'), who({ objections: ['later', 'price'] }));
    expect(t.sections.filter((s) => s.key).map((s) => `${s.key}${s.first ? '*' : ''}`)).toEqual([
      'later*',
      'price*',
      'spouse',
      'compare',
    ]);
    expect(t.sections.slice(0, 2).every((s) => !s.key)).toBe(true);
  });
});

describe('openingLines (the card of today --work)', () => {
  const sheet = parseScripts(
    [
      '# consult: Needs',
      '## Before',
      '- Hello {name}.',
      '## Questions',
      '- [budget] Budget?',
      '- [timing] When?',
      '- [use] For what?',
    ].join('\n'),
    'x.md',
  )[0]!;
  const blanks = { name: '[name]', interest: '[model]', me: '[me]', store: '[store]' };

  it('gives the first lines in order, personalised, no more than asked', () => {
    const shown = personalise(sheet, { values: { name: 'Wang Lei' }, blanks, answers: {}, objections: [] });
    expect(openingLines(shown, 3)).toEqual(['Hello Wang Lei.', 'Budget?', 'When?']);
  });

  it('leaves out questions already answered', () => {
    const shown = personalise(sheet, { values: {}, blanks, answers: { budget: '250k' }, objections: [] });
    expect(openingLines(shown, 3)).toEqual(['Hello [name].', 'When?', 'For what?']);
  });
});
