// The deal after yes (issue 13), end to end with a pinned clock: which rows `today --json` shows on
// which morning, and undo taking each new command back. Clock starts Monday 2026-03-02.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { dumpFile } from '../helpers/dump.js';

interface Row {
  id: number;
  tier: string;
  reason: string;
  due: string;
  group: string;
  topic: string;
  deposit?: boolean;
}

const on = (sb: Sandbox, day: string, args: string[]) => sb.ok(args, { DEALER_NOW: day });
const morning = (sb: Sandbox, day: string) => JSON.parse(on(sb, day, ['today', '--json']).stdout) as Row[];
const rows = (list: Row[]) => list.map((r) => `${r.id} ${r.tier} ${r.reason} ${r.due}`);

describe('deposits (item 1)', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox('2026-03-02');
    sb.ok(['add-prospect', 'Hot One', '--phone', '13800138001', '--tier', 'O']);
    sb.ok(['add-prospect', 'Deposit Payer', '--phone', '13800138002', '--tier', 'B', '--met', 'call']);
    sb.ok(['add-prospect', 'Hot Two', '--phone', '13800138003', '--tier', 'O']);
    sb.ok([
      'visit',
      '2',
      '--kind',
      'call',
      '--deposit',
      '5000',
      '--hold',
      '7d',
      '--top-up',
      '2万',
      '--top-up-by',
      '2026-03-06',
    ]);
  });
  afterAll(() => sb.cleanup());

  it('makes the deposit-holder O and works them before every other O callback, overdue or not', () => {
    const list = morning(sb, '2026-03-05');
    expect(rows(list)).toEqual([
      '2 O top-up 2026-03-05',
      '2 O callback 2026-03-05',
      '1 O callback 2026-03-03',
      '3 O callback 2026-03-03',
    ]);
    expect(list[0]).toMatchObject({ deposit: true, topic: 'close', group: 'O' });
    expect(list[2]!.deposit).toBeUndefined();
  });

  it('reminds the top-up on its day, and the hold the day before it expires and on the day', () => {
    on(sb, '2026-03-05', ['visit', '2', '--kind', 'call', '--note', 'top-up reminded']);
    expect(rows(morning(sb, '2026-03-06')).filter((r) => r.startsWith('2 '))).toEqual(['2 O top-up 2026-03-06']);
    on(sb, '2026-03-06', ['done', '2']);
    expect(rows(morning(sb, '2026-03-08')).filter((r) => r.startsWith('2 '))).toEqual([
      '2 O deposit-expiry 2026-03-08',
      '2 O callback 2026-03-08',
    ]);
    expect(rows(morning(sb, '2026-03-09')).filter((r) => r.startsWith('2 '))).toContain(
      '2 O deposit-expiry 2026-03-09',
    );
  });

  it('lets the tier fall back once the hold lapses', () => {
    const list = morning(sb, '2026-03-11').filter((r) => r.id === 2);
    expect(list.every((r) => r.tier === 'B' && r.deposit === undefined)).toBe(true);
  });

  it('lost --refund records the refund, and undo takes it back exactly', () => {
    const before = dumpFile(sb.db);
    on(sb, '2026-03-07', ['lost', '2', '--reason', 'changed mind', '--refund']);
    const shown = sb.json<{ deal: { refundedOn: string; deposit: number; topUp: number } }>(['show', '2']);
    expect(shown.deal).toMatchObject({ refundedOn: '2026-03-07', deposit: 5000, topUp: 20000 });
    on(sb, '2026-03-07', ['undo', '--yes']);
    expect(dumpFile(sb.db)).toBe(before);
  });

  it('a stage change off the deposit is a refund: no longer O', () => {
    on(sb, '2026-03-07', ['visit', '2', '--stage', 'negotiating']);
    const list = morning(sb, '2026-03-08').filter((r) => r.id === 2);
    expect(list.map((r) => r.tier)).not.toContain('O');
    expect(list.map((r) => r.reason)).not.toContain('deposit-expiry');
  });
});
