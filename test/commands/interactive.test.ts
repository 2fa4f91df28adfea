// The other interactive flows, driven with scripted answers: classify's qualification questions,
// edit's field picker, lost's reason, and the confirmations of undo and forget.
import { afterEach, describe, expect, it } from 'vitest';
import { addProspect } from '../../src/commands/add-prospect.js';
import { classify } from '../../src/commands/classify.js';
import { edit } from '../../src/commands/edit.js';
import { forget } from '../../src/commands/forget.js';
import { lost } from '../../src/commands/lost.js';
import { testContext } from '../helpers/context.js';

let cleanup = () => {};
afterEach(() => cleanup());

async function withProspect(answers: (string | boolean)[]) {
  const t = testContext({ interactive: true, answers });
  cleanup = t.cleanup;
  await addProspect(t.ctx, 'Wang Lei', { phone: '13800138000', tier: 'C' });
  t.out.length = 0;
  return t;
}

describe('classify on a terminal', () => {
  it('asks need, means, authority and when, and explains the verdict', async () => {
    const t = await withProspect([true, true, false, '1w']);
    const p = await classify(t.ctx, '1', {});
    expect(t.ask.asked).toEqual([
      'Do they have a real need?',
      'Can they pay for it?',
      'Do they make the decision themselves?',
      'When do they intend to buy?',
    ]);
    expect(p).toMatchObject({ need: true, canPay: true, decides: false, tier: 'O', nextCallback: '2026-03-03' });
    expect(t.out.join('\n')).toContain('A prospect, but not a priority');
  });

  it('says "not a prospect yet" without a need and the means', async () => {
    const t = await withProspect([false, true, true, 'skip']);
    await classify(t.ctx, '1', {});
    expect(t.out.join('\n')).toContain('Not a prospect yet');
  });
});

describe('edit on a terminal', () => {
  it('picks fields until done, then saves them together', async () => {
    const t = await withProspect(['interest', 'Q7', 'budget', '400k', 'done']);
    const p = await edit(t.ctx, '1', {});
    expect(p).toMatchObject({ interest: 'Q7', budget: '400k', name: 'Wang Lei' });
  });

  it('done straight away changes nothing', async () => {
    const t = await withProspect(['done']);
    const { db } = await t.ctx.open('read');
    const row = () => db.prepare('SELECT * FROM prospect WHERE id = 1').get();
    const before = row();
    await edit(t.ctx, '1', {});
    expect(t.told.join('\n')).toContain('nothing to change');
    expect(row()).toEqual(before);
  });
});

describe('lost and forget on a terminal', () => {
  it('lost asks for the reason', async () => {
    const t = await withProspect(['Bought a BMW']);
    const p = await lost(t.ctx, '1', {});
    expect(p).toMatchObject({ stage: 'lost', lostReason: 'Bought a BMW', nextCallback: null });
  });

  it('forget asks first, and saying no keeps the customer', async () => {
    const t = await withProspect([false]);
    await expect(forget(t.ctx, '1', {})).rejects.toMatchObject({ name: 'Cancelled' });
    const { db } = await t.ctx.open('read');
    expect(db.prepare('SELECT count(*) FROM prospect').pluck().get()).toBe(1);
  });
});
