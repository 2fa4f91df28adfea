// What Inquirer draws at a terminal: the add-prospect question "already spoken to them?" (issue 11,
// item 11), and stored text inside prompts shown, never obeyed, like everything ctx.print shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { atTerminal, DOWN, ENTER } from '../helpers/terminal.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
});
afterEach(() => s.cleanup());

const WAIT = 60;

interface Shown {
  nextCallback: string | null;
  contacts: { kind: string; date: string }[];
  reminders: { reason: string; due: string }[];
}

describe('add-prospect at a terminal', () => {
  it('asks whether you have already spoken to them, and records that first contact like --met', () => {
    const r = atTerminal(s, ['add-prospect', 'Wang Lei', '--phone', '13800138000'], []);
    // Name and phone given: nothing is asked, the prospect is added as before.
    expect(r.code).toBe(0);
    const walkIn = atTerminal(
      s,
      ['add-prospect'],
      [
        { after: 'Name', send: `Li Na${ENTER}`, within: WAIT },
        { after: 'Phone', send: `13900139000${ENTER}`, within: WAIT },
        { after: 'WeChat', send: ENTER, within: WAIT },
        { after: 'Where did the lead come from?', send: ENTER, within: WAIT },
        { after: 'Interested in', send: ENTER, within: WAIT },
        { after: 'When do they intend to buy?', send: ENTER, within: WAIT },
        { after: 'Note', send: ENTER, within: WAIT },
        // not yet, call, showroom
        { after: 'Have you already spoken to them?', send: `${DOWN}${DOWN}${ENTER}`, within: WAIT },
      ],
    );
    expect(walkIn.code).toBe(0);
    const asked = s.json<Shown>(['show', '2']);
    const flagged = s.ok(['add-prospect', 'Zhou Min', '--phone', '13700137000', '--within', '1m', '--met', 'showroom']);
    expect(flagged.stdout).toContain('Added');
    const byFlag = s.json<Shown>(['show', '3']);
    expect(asked.contacts).toEqual([expect.objectContaining({ kind: 'showroom', date: '2026-03-02' })]);
    // The same path as --met: the thank-you owed tomorrow and the callback after the contact.
    const owed = (p: Shown) => p.reminders.map(({ reason, due }) => ({ reason, due }));
    expect(owed(asked)).toEqual(owed(byFlag));
    expect(asked.nextCallback).toBe(byFlag.nextCallback);
    expect(asked.reminders).toEqual([expect.objectContaining({ reason: 'thank-you', due: '2026-03-03' })]);
  });
});

describe('stored text inside a prompt', () => {
  const HOSTILE = 'Mary\u001b[2J\u001b]0;pwned\u0007Brown';

  it('the duplicate-phone refusal shows the name with its control characters made visible', () => {
    s.ok(['add-prospect', HOSTILE, '--phone', '13800138000']);
    const r = atTerminal(
      s,
      ['add-prospect'],
      [
        { after: 'Name', send: `Li Na${ENTER}`, within: WAIT },
        { after: 'Phone', send: `13800138000${ENTER}`, within: WAIT },
        { after: 'already belongs to #1', signal: 'INT', within: WAIT },
      ],
    );
    expect(r.code).toBe(130);
    expect(r.output).toContain('Mary\\x1b[2J\\x1b]0;pwned\\x07Brown');
    expect(r.output).not.toContain('\u001b[2J');
    expect(r.output).not.toContain('\u001b]0;');
  });

  it("lost's question quotes the name and the first reason made visible", () => {
    s.ok(['add-prospect', HOSTILE, '--phone', '13800138000']);
    s.ok(['lost', '1', '--reason', 'price\u001b[31m']);
    const r = atTerminal(s, ['lost', '1', '--reason', 'again'], [{ after: 'Replace', send: ENTER, within: WAIT }]);
    expect(r.output).toContain('Mary\\x1b[2J');
    expect(r.output).toContain('price\\x1b[31m');
    expect(r.output).not.toContain('\u001b[2J');
    expect(r.output).not.toContain('\u001b]0;');
  });
});
