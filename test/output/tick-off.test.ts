// What `done` says back. A milestone is the customer's date: acknowledged, never "done", so the
// line that lists what was ticked off must not name it while the next line says it stays.
import { describe, expect, it } from 'vitest';
import type { Prospect } from '../../src/domain/prospect.js';
import { messages as en } from '../../src/i18n/en.js';
import { messages as zh } from '../../src/i18n/zh.js';
import { ticked } from '../../src/output/tick-off.js';

const prospect = { id: 1, name: 'Liu Min', nextCallback: '2026-03-09' } as unknown as Prospect;
const say = (t: typeof en, handled: string[]) => ticked(t, { prospect, handled, today: '2026-03-03' }).split('\n');

describe('done on a milestone day', () => {
  it('ticks off the thank-you and only acknowledges the milestone', () => {
    const [head, , noted] = say(en, ['thank-you', 'milestone']);
    expect(head).toContain('thank-you');
    expect(head).not.toMatch(/milestone/);
    expect(noted).toContain('stays on the list');
    const [zhHead] = say(zh, ['thank-you', 'milestone']);
    expect(zhHead).not.toContain('关键节点');
  });

  it('with the milestone alone, says it is noted, not done', () => {
    const [head] = say(en, ['milestone']);
    expect(head).toMatch(/^Noted the milestone/);
  });
});
