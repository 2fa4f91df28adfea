// `dealer visit` on a terminal at an organisation with people recorded: after the usual questions it
// asks whom the visit met, takes names separated by commas (or 、), and asks again on a name that
// is not among the organisation's people.
import { afterEach, describe, expect, it } from 'vitest';
import { addProspect } from '../../src/commands/add-prospect.js';
import { people } from '../../src/commands/people.js';
import { visit } from '../../src/commands/visit.js';
import { peopleOf } from '../../src/store/people.js';
import { testContext } from '../helpers/context.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('visit on a terminal at an organisation', () => {
  it('asks whom you met, refusing a name it does not know, and records them', async () => {
    // kind, outcome, note, stage, then whom: a stranger first (refused), then two of its people.
    const t = testContext({ interactive: true, answers: ['visit', '', '', '', 'Ghost', 'dr wang、Zhao'] });
    cleanup = t.cleanup;
    await addProspect(t.ctx, 'Acme Fleet', { phone: '13800138000', org: 'Acme Fleet' });
    await people(t.ctx, 'add', ['1', 'Dr Wang'], { role: 'decider' });
    await people(t.ctx, 'add', ['1', 'Zhao'], { role: 'user' });
    await people(t.ctx, 'add', ['1', 'Qian'], { role: 'selector' });
    await visit(t.ctx, '1', {});
    expect(t.ask.asked.at(-1)).toBe('Whom did you meet? Dr Wang, Zhao, Qian (separate with commas; Enter: nobody)');
    expect(t.ask.rejected).toEqual(['Not among its people: Dr Wang, Zhao, Qian']);
    const { db } = await t.ctx.open('read');
    expect(peopleOf(db, 1).map((p) => [p.name, p.met])).toEqual([
      ['Dr Wang', 1],
      ['Zhao', 1],
      ['Qian', 0],
    ]);
    db.close();
  });

  it('does not ask at an individual', async () => {
    const t = testContext({ interactive: true, answers: ['call', '', '', ''] });
    cleanup = t.cleanup;
    await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000' });
    await visit(t.ctx, '1', {});
    expect(t.ask.asked).toHaveLength(4);
  });
});
