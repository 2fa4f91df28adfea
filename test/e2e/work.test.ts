// `dealer today --work` at a real pseudo-terminal: the morning list walked one prospect at a time,
// each answer recorded as its own command would, Ctrl-C keeping what was done (issue 11, item 17).
// Each step waits for text drawn after the previous answer; the waits are generous, never verdicts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { atTerminal, DOWN, ENTER, type Step } from '../helpers/terminal.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
  // Three due today, one per tier: the list's order is O, A, B.
  s.ok(['add-prospect', 'Wang Lei', '--phone', '13800138001', '--tier', 'O', '--next', 'today']);
  s.ok(['add-prospect', 'Li Na', '--phone', '13800138002', '--tier', 'A', '--next', 'today']);
  s.ok(['add-prospect', 'Zhou Min', '--phone', '13800138003', '--tier', 'B', '--next', 'today']);
});
afterEach(() => s.cleanup());

const WAIT = 60;
/** The menu's order: spoke to them, done without a contact, skip, snooze, lost, stop. */
const menu = (n: number) => `${DOWN.repeat(n)}${ENTER}`;

/** Record a call with Wang Lei: how it went, a note, the stage kept, the next callback given. */
const recordWang: Step[] = [
  { after: 'What happened?', send: ENTER, within: WAIT },
  { after: 'Kind of contact', send: ENTER, within: WAIT },
  { after: 'How did it go?', send: `Liked the price${ENTER}`, within: WAIT },
  { after: 'Note', send: `Call after payday${ENTER}`, within: WAIT },
  { after: 'Stage now', send: ENTER, within: WAIT },
  { after: 'Next callback', send: `2026-03-09${ENTER}`, within: WAIT },
];

interface Shown {
  nextCallback: string | null;
  contacts: { kind: string; outcome: string | null; note: string | null; date: string }[];
}

describe('today --work', () => {
  it('records a contact, snoozes one, skips one, showing progress; a second run shows what is left', () => {
    const r = atTerminal(
      s,
      ['today', '--work'],
      [
        ...recordWang,
        { after: 'What happened?', send: menu(3), within: WAIT },
        { after: 'Put off to which day?', send: `2026-03-05${ENTER}`, within: WAIT },
        { after: 'What happened?', send: menu(2), within: WAIT },
      ],
    );
    expect(r.code).toBe(0);
    for (const n of ['1/3', '2/3', '3/3']) expect(r.output).toContain(n);
    // Each card shows the row, the last contact and how to open.
    expect(r.output).toContain('Wang Lei');
    expect(r.output).toContain('Never contacted yet.');
    expect(r.output).toContain('Open with consult');
    expect(r.output).toContain('Worked 2 of 3');

    const wang = s.json<Shown>(['show', '1']);
    expect(wang.contacts).toEqual([
      expect.objectContaining({
        kind: 'call',
        outcome: 'Liked the price',
        note: 'Call after payday',
        date: '2026-03-02',
      }),
    ]);
    expect(wang.nextCallback).toBe('2026-03-09');
    expect(s.json<Shown>(['show', '2'])).toMatchObject({ nextCallback: '2026-03-05', contacts: [] });
    expect(s.json<Shown>(['show', '3'])).toMatchObject({ nextCallback: '2026-03-02', contacts: [] });

    const again = atTerminal(s, ['today', '--work'], [{ after: 'What happened?', send: menu(5), within: WAIT }]);
    expect(again.code).toBe(0);
    expect(again.output).toContain('1/1');
    expect(again.output).toContain('Zhou Min');
    expect(again.output).not.toContain('Wang Lei');
    expect(again.output).not.toContain('Li Na');
  });

  it('Ctrl-C in the middle keeps the prospect recorded, says how many, and exits 130', () => {
    const r = atTerminal(
      s,
      ['today', '--work'],
      [
        ...recordWang,
        // Half-way through the second prospect's answers: those are not saved, the first one is.
        { after: 'What happened?', send: ENTER, within: WAIT },
        { after: 'Kind of contact', send: ENTER, within: WAIT },
        { after: 'How did it go?', signal: 'INT', within: WAIT },
      ],
    );
    expect(r.code).toBe(130);
    expect(r.output).toContain('Stopped. 1 of 3 worked');
    expect(r.output).not.toContain('nothing saved');
    expect(s.json<Shown>(['show', '1']).contacts).toHaveLength(1);
    expect(s.json<Shown>(['show', '2'])).toMatchObject({ nextCallback: '2026-03-02', contacts: [] });
  });

  it('undo takes back the last prospect worked, not the whole session', () => {
    const r = atTerminal(
      s,
      ['today', '--work'],
      [
        ...recordWang,
        { after: 'What happened?', send: ENTER, within: WAIT },
        { after: 'Kind of contact', send: `${DOWN}${ENTER}`, within: WAIT },
        { after: 'How did it go?', send: ENTER, within: WAIT },
        { after: 'Note', send: ENTER, within: WAIT },
        { after: 'Stage now', send: ENTER, within: WAIT },
        { after: 'Next callback', send: ENTER, within: WAIT },
        { after: 'What happened?', send: menu(5), within: WAIT },
      ],
    );
    expect(r.code).toBe(0);
    expect(s.json<Shown>(['show', '2']).contacts).toHaveLength(1);

    expect(
      s
        .json<{ label: string }[]>(['undo', '--list'])
        .map((e) => e.label)
        .slice(0, 2),
    ).toEqual(['visit 2', 'visit 1']);
    const [undone] = s.json<{ label: string }[]>(['undo', '--yes']);
    expect(undone!.label).toBe('visit 2');
    expect(s.json<Shown>(['show', '2'])).toMatchObject({ nextCallback: '2026-03-02', contacts: [] });
    expect(s.json<Shown>(['show', '1']).contacts).toHaveLength(1);
  });

  it('done without a contact and lost go through done and lost, each its own undo entry', () => {
    const r = atTerminal(
      s,
      ['today', '--work'],
      [
        { after: 'What happened?', send: menu(1), within: WAIT },
        { after: 'What happened?', send: menu(4), within: WAIT },
        { after: 'Why was it lost?', send: `Bought a Camry${ENTER}`, within: WAIT },
        { after: 'What happened?', send: menu(2), within: WAIT },
      ],
    );
    expect(r.code).toBe(0);
    expect(r.output).toContain('Done for #1 Wang Lei');
    // done moves a due callback one cadence on (O: 3 days), and records no contact.
    expect(s.json<Shown>(['show', '1'])).toMatchObject({ nextCallback: '2026-03-05', contacts: [] });
    expect(s.json(['show', '2'])).toMatchObject({ stage: 'lost', lostReason: 'Bought a Camry', nextCallback: null });
    const labels = s.json<{ label: string }[]>(['undo', '--list']).map((e) => e.label);
    expect(labels.slice(0, 2)).toEqual(['lost 2', 'done 1']);
  });

  it('without a terminal it says it needs one and points to today', () => {
    const r = s.run(['today', '--work']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*needs a terminal.*dealer today/);
    expect(r.stdout).toBe('');
  });
});
