// The interactive flow of add-prospect, driven with scripted answers.
import { afterEach, describe, expect, it } from 'vitest';
import { addProspect } from '../../src/commands/add-prospect.js';
import { testContext } from '../helpers/context.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('add-prospect on a terminal', () => {
  it('asks for what is missing, in order, and saves it', async () => {
    const t = testContext({
      interactive: true,
      answers: ['Wang Lei', '138 0013 8000', '', 'referral', 'A6L', '1m', 'Met at the auto show', ''],
    });
    cleanup = t.cleanup;
    const p = await addProspect(t.ctx, undefined, {});
    expect(t.ask.asked).toEqual([
      'Name',
      'Phone',
      'WeChat (optional)',
      'Where did the lead come from?',
      'Interested in (model or product)',
      'When do they intend to buy?',
      'Note (optional)',
      'Have you already spoken to them?',
    ]);
    expect(p).toMatchObject({
      name: 'Wang Lei',
      phone: '138 0013 8000',
      phones: ['+8613800138000'],
      source: 'referral',
      interest: 'A6L',
      tier: 'A',
      expected: '2026-04-01',
      note: 'Met at the auto show',
      nextCallback: '2026-03-03',
    });
    expect(t.out.join('\n')).toContain('Added #1 Wang Lei');
  });

  it('asks only for what the flags did not give', async () => {
    const t = testContext({ interactive: true, answers: ['13900139000', '', 'walk-in', '', 'skip', '', ''] });
    cleanup = t.cleanup;
    const p = await addProspect(t.ctx, '李娜', {});
    expect(t.ask.asked[0]).toBe('Phone');
    expect(p).toMatchObject({ name: '李娜', tier: 'C', interest: null, note: null, nextCallback: '2026-03-03' });
  });

  it('does not ask when name and phone are given', async () => {
    const t = testContext({ interactive: true });
    cleanup = t.cleanup;
    await addProspect(t.ctx, 'Zhou Min', { phone: '13700137000', within: '1w' });
    expect(t.ask.asked).toEqual([]);
  });

  it('without a terminal, names the missing flags instead of asking', async () => {
    const t = testContext({ interactive: false });
    cleanup = t.cleanup;
    await expect(addProspect(t.ctx, 'Zhou Min', {})).rejects.toMatchObject({
      code: 'missingFields',
      exitCode: 2,
      params: { fields: 'phone' },
    });
  });
});
