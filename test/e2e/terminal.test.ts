// At a real terminal: the prompts appear, answers are saved, Ctrl-C saves nothing and exits 130.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { atTerminal, DOWN, ENTER } from '../helpers/terminal.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

describe('at a terminal', () => {
  it('add-prospect asks for what is missing and saves the answers', () => {
    const r = atTerminal(
      s,
      ['add-prospect'],
      [
        { after: 'Name', send: `王磊${ENTER}` },
        { after: 'Phone', send: `138 0013 8000${ENTER}` },
        { after: 'WeChat', send: ENTER },
        { after: 'Where did the lead come from?', send: `${DOWN}${DOWN}${ENTER}` },
        { after: 'Interested in', send: `A6L${ENTER}` },
        { after: 'When do they intend to buy?', send: ENTER },
        { after: 'Note', send: `Met at the auto show${ENTER}` },
        { after: 'already spoken to them?', send: ENTER },
      ],
    );
    expect(r.code).toBe(0);
    expect(r.output).toContain('Added #1 王磊');
    expect(s.json(['show', '1'])).toMatchObject({
      name: '王磊',
      phone: '138 0013 8000',
      source: 'referral',
      interest: 'A6L',
      tier: 'A',
      note: 'Met at the auto show',
    });
  });

  it('a bad phone is asked again, not saved', () => {
    const r = atTerminal(
      s,
      ['add-prospect', 'Li Na'],
      [
        { after: 'Phone', send: `call me${ENTER}` },
        { after: 'is not a phone number', send: '\u0015' /* Ctrl-U clears the line */ },
        { after: 'Phone', send: `13900139000${ENTER}` },
        { after: 'WeChat', send: ENTER },
        { after: 'Where did the lead come from?', send: ENTER },
        { after: 'Interested in', send: ENTER },
        { after: 'When do they intend to buy?', send: ENTER },
        { after: 'Note', send: ENTER },
        { after: 'already spoken to them?', send: ENTER },
      ],
    );
    expect(r.code).toBe(0);
    expect(s.json(['show', '1'])).toMatchObject({ name: 'Li Na', phones: ['+8613900139000'] });
  });

  it('visit with no flags asks what happened', () => {
    s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--tier', 'A']);
    const r = atTerminal(
      s,
      ['visit', '1'],
      [
        { after: 'Kind of contact', send: `${DOWN}${ENTER}` },
        { after: 'How did it go?', send: `Loved the car${ENTER}` },
        { after: 'Note', send: `Bring the family on Saturday${ENTER}` },
        { after: 'Stage now', send: `${DOWN}${DOWN}${ENTER}` },
      ],
    );
    expect(r.code).toBe(0);
    const p = s.json<{ stage: string; contacts: { kind: string; outcome: string; note: string }[] }>(['show', '1']);
    expect(p.contacts).toEqual([
      expect.objectContaining({ kind: 'showroom', outcome: 'Loved the car', note: 'Bring the family on Saturday' }),
    ]);
    expect(p.stage).toBe('consulted');
  });

  it('SIGINT sent to a prompting dealer saves nothing, says so, and exits 130', () => {
    s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000']);
    const r = atTerminal(
      s,
      ['visit', '1'],
      [
        { after: 'Kind of contact', send: ENTER },
        { after: 'How did it go?', signal: 'SIGINT' },
      ],
    );
    expect(r.code).toBe(130);
    expect(r.output).toContain('Cancelled, nothing saved');
    expect(s.json<{ contacts: unknown[] }>(['show', '1']).contacts).toEqual([]);
  });

  it('Ctrl-C at a prompt saves nothing, says so, and exits 130', () => {
    const r = atTerminal(
      s,
      ['add-prospect'],
      [
        { after: 'Name', send: `Wang Lei${ENTER}` },
        { after: 'Phone', signal: 'INT' },
      ],
    );
    expect(r.code).toBe(130);
    expect(r.output).toContain('Cancelled, nothing saved');
    expect(s.json<unknown[]>(['list'])).toEqual([]);
  });
});

describe('at a terminal, the questions (issue 11)', () => {
  it.each([[['visit', '1', '--lang', 'en']], [['--lang', 'en', 'visit', '1']], [['visit', '1', '--db', 'BOOK']]])(
    'dealer %j still asks: --db and --lang are not answers',
    (args) => {
      s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--tier', 'A']);
      const r = atTerminal(
        s,
        args.map((a) => (a === 'BOOK' ? s.db : a)),
        [
          { after: 'Kind of contact', send: `${DOWN}${ENTER}` },
          { after: 'How did it go?', send: `Loved it${ENTER}` },
          { after: 'Note', send: ENTER },
          { after: 'Stage now', send: ENTER },
        ],
      );
      expect(r.code).toBe(0);
      const p = s.json<{ contacts: { kind: string; outcome: string }[] }>(['show', '1']);
      expect(p.contacts).toEqual([expect.objectContaining({ kind: 'showroom', outcome: 'Loved it' })]);
    },
  );

  it('in Chinese, the key hints and yes/no are Chinese', () => {
    s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--tier', 'O']);
    const r = atTerminal(
      s,
      ['--lang', 'zh', 'classify', '1'],
      [
        { after: '确实有购买需要吗', send: ENTER },
        { after: '有购买能力吗', send: ENTER },
        { after: '本人能拍板吗', send: ENTER },
        { after: '上下键选择', send: ENTER },
      ],
    );
    expect(r.code).toBe(0);
    expect(r.output).toContain('Y 是/n 否');
    expect(r.output).not.toMatch(/navigate|select|Yes|Y\/n/);
    expect(s.json<{ tier: string }>(['show', '1']).tier).toBe('O');
  });

  it('add-prospect says at once who has a phone or WeChat id, and asks again keeping the name', () => {
    s.run(['add-prospect', 'Mary Brown', '--phone', '13800138000', '--wechat', 'mbrown88']);
    const r = atTerminal(
      s,
      ['add-prospect'],
      [
        { after: 'Name', send: `王磊${ENTER}` },
        { after: 'Phone', send: `13800138000${ENTER}` },
        { after: 'already belongs to #1 Mary Brown', send: '\u0015' },
        { after: 'Phone', send: `13900139000${ENTER}` },
        { after: 'WeChat', send: `MBrown88${ENTER}` },
        { after: 'already belongs to #1 Mary Brown', send: '\u0015' },
        { after: 'WeChat', send: ENTER },
        { after: 'Where did the lead come from?', send: ENTER },
        { after: 'Interested in', send: ENTER },
        { after: 'When do they intend to buy?', send: ENTER },
        { after: 'Note', send: ENTER },
        { after: 'already spoken to them?', send: ENTER },
      ],
    );
    expect(r.code).toBe(0);
    expect(s.json(['show', '2'])).toMatchObject({ name: '王磊', phones: ['+8613900139000'], wechat: null });
  });
});

describe('the terminal driver', () => {
  // Before, every step searched all output so far: an error shown once counted as shown again.
  it('waits for text drawn after the last answer, not text already on screen', () => {
    expect(() =>
      atTerminal(
        s,
        ['add-prospect', 'Li Na'],
        [
          { after: 'Phone', send: `call me${ENTER}` },
          { after: 'is not a phone number', send: `\u001513900139000${ENTER}` },
          { after: 'is not a phone number', send: ENTER, within: 3 },
        ],
      ),
    ).toThrow(/prompt not seen: is not a phone number/);
  });
});
