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

describe('orders and delivery (item 2)', () => {
  let sb: Sandbox;
  const dumps: string[] = [];
  const forOne = (day: string) => morning(sb, day).filter((r) => r.id === 1);
  beforeAll(() => {
    sb = sandbox('2026-03-02');
    sb.ok(['add-prospect', 'Buyer', '--phone', '13800138001', '--tier', 'A', '--met', 'call']);
    dumps.push(dumpFile(sb.db));
    sb.ok(['won', '1', '--model', 'A6L 45 TFSI', '--price', '398000', '--delivery', '2026-03-20']);
  });
  afterAll(() => sb.cleanup());

  it('keeps the order, thanks them the next day, and books no check-up before the hand-over', () => {
    const shown = sb.json<{ stage: string; deal: { model: string; price: number; delivery: string } }>(['show', '1']);
    expect(shown).toMatchObject({
      stage: 'won',
      deal: { model: 'A6L 45 TFSI', price: 398000, delivery: '2026-03-20' },
    });
    expect(rows(forOne('2026-03-03'))).toEqual(['1 A thank-you 2026-03-03']);
    expect(forOne('2026-03-09')).toEqual([]);
  });

  it('reminds the day before delivery to prepare it, with the delivery script', () => {
    expect(forOne('2026-03-19')).toMatchObject([
      { reason: 'delivery-prep', due: '2026-03-19', group: 'customers', topic: 'delivery' },
    ]);
  });

  it('edit --delivery moves the reminder and owes the customer a call today', () => {
    dumps.push(dumpFile(sb.db));
    on(sb, '2026-03-10', ['edit', '1', '--delivery', '2026-03-25']);
    expect(rows(forOne('2026-03-10'))).toEqual(['1 A callback 2026-03-10']);
    on(sb, '2026-03-10', ['visit', '1', '--kind', 'call', '--note', 'told them the new date']);
    expect(forOne('2026-03-19')).toEqual([]);
    expect(rows(forOne('2026-03-24'))).toEqual(['1 A delivery-prep 2026-03-24']);
  });

  it('the check-up call is a week after the actual delivery, not after won', () => {
    dumps.push(dumpFile(sb.db));
    on(sb, '2026-03-27', ['delivered', '1', '--date', '2026-03-26']);
    expect(forOne('2026-03-27')).toEqual([]);
    expect(forOne('2026-04-02')).toMatchObject([
      { reason: 'delivery-check', due: '2026-04-02', stage: 'delivered', topic: 'delivery' },
    ]);
    const again = sb.run(['delivered', '1'], { env: { DEALER_NOW: '2026-03-28' } });
    expect(again.code).toBe(2);
  });

  it('undo takes back delivered, the visit, edit --delivery and won, each exactly', () => {
    on(sb, '2026-04-02', ['undo', '--yes']);
    expect(dumpFile(sb.db)).toBe(dumps[2]);
    on(sb, '2026-04-02', ['undo', '--yes']);
    on(sb, '2026-04-02', ['undo', '--yes']);
    expect(dumpFile(sb.db)).toBe(dumps[1]);
    on(sb, '2026-04-02', ['undo', '--yes']);
    expect(dumpFile(sb.db)).toBe(dumps[0]);
  });
});

describe('the morning list after yes (items 3 and 4)', () => {
  let sb: Sandbox;
  const of = (id: number, day: string) =>
    morning(sb, day)
      .filter((r) => r.id === id)
      .map((r) => `${r.group} ${r.reason} ${r.due} ${r.topic}`);
  beforeAll(() => {
    sb = sandbox('2026-03-02');
    sb.ok(['add-prospect', 'Deposit', '--phone', '13800138001', '--tier', 'B', '--met', 'call']);
    sb.ok(['add-prospect', 'Customer', '--phone', '13800138002', '--tier', 'A', '--met', 'call']);
    sb.ok([
      'visit',
      '1',
      '--deposit',
      '5000',
      '--hold-until',
      '2026-03-10',
      '--top-up',
      '20000',
      '--top-up-by',
      '2026-03-08',
    ]);
    sb.ok(['won', '2', '--delivery', '2026-03-20', '--insurance-until', '2026-06-30', '--matures', '2026-09-30']);
    sb.ok(['config', 'set', 'aftersales.first-service', '60']);
  });
  afterAll(() => sb.cleanup());

  it('deposit deadlines: top-up and expiry, opening with the closing script', () => {
    const duties = (day: string) => of(1, day).filter((r) => !r.includes('callback'));
    expect(duties('2026-03-07')).toEqual(['O top-up 2026-03-07 close']);
    expect(duties('2026-03-09')).toEqual(['O top-up 2026-03-08 close', 'O deposit-expiry 2026-03-09 close']);
  });

  it('delivery prep the day before, the check-up a week after the hand-over', () => {
    expect(of(2, '2026-03-19')).toEqual(['customers delivery-prep 2026-03-19 delivery']);
    on(sb, '2026-03-20', ['delivered', '2']);
    expect(of(2, '2026-03-27')).toEqual(['customers delivery-check 2026-03-27 delivery']);
    on(sb, '2026-03-27', ['done', '2']);
  });

  it('after-sales: insurance 60 and 30 days ahead then weekly, first service, maturity', () => {
    expect(of(2, '2026-05-01')).toEqual(['customers insurance-renewal 2026-05-01 aftersales']);
    // Still not renewed: the renewal stays on the list beside the first service.
    expect(of(2, '2026-05-19')).toEqual([
      'customers insurance-renewal 2026-05-01 aftersales',
      'customers first-service 2026-05-19 aftersales',
    ]);
    // Weekly now, shown once however many weeks went unanswered.
    expect(of(2, '2026-06-08').filter((r) => r.includes('insurance'))).toEqual([
      'customers insurance-renewal 2026-06-07 aftersales',
    ]);
    // Not renewed, and the policy has run out: no longer chased.
    expect(of(2, '2026-07-01').filter((r) => r.includes('insurance'))).toEqual([]);
    expect(of(2, '2026-08-31')).toContain('customers maturity 2026-08-31 aftersales');
  });

  it('renewed: the reminders stop, next year is chased in its turn; the anniversary comes round', () => {
    on(sb, '2026-06-08', ['visit', '2', '--kind', 'call', '--renewed']);
    const but = (day: string) => of(2, day).filter((r) => !r.includes('maturity'));
    expect(but('2026-06-14')).toEqual([]);
    expect(but('2027-03-20')).toEqual(['customers anniversary 2027-03-20 aftersales']);
    on(sb, '2027-03-20', ['done', '2']);
    expect(but('2027-05-01')).toEqual(['customers insurance-renewal 2027-05-01 aftersales']);
    expect(sb.json<{ deal: { insuranceUntil: string } }>(['show', '2']).deal.insuranceUntil).toBe('2027-06-30');
  });
});

describe('referrals closed (item 5)', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox('2026-03-02');
    sb.ok(['add-prospect', 'Old Customer', '--phone', '13800138001', '--met', 'call']);
  });
  afterAll(() => sb.cleanup());

  it('a referral owes the referrer a thank-you that day, and another when it buys', () => {
    const before = dumpFile(sb.db);
    sb.ok(['add-prospect', 'Friend', '--phone', '13800138002', '--referred-by', '1']);
    expect(rows(morning(sb, '2026-03-02'))).toEqual(['1 C thank-you 2026-03-02']);
    on(sb, '2026-03-02', ['undo', '--yes']);
    expect(dumpFile(sb.db)).toBe(before);
    sb.ok(['add-prospect', 'Friend', '--phone', '13800138002', '--referred-by', '1']);
    sb.ok(['add-prospect', 'Other Friend', '--phone', '13800138003', '--referred-by', '1']);
    on(sb, '2026-03-02', ['visit', '1', '--kind', 'wechat', '--note', 'thanks for sending Friend']);
    on(sb, '2026-03-09', ['won', '2']);
    expect(morning(sb, '2026-03-10').filter((r) => r.id === 1 && r.reason === 'thank-you')).toHaveLength(1);
  });

  it('show <referrer> lists whom they referred and what came of it; report referrals sums it up', () => {
    const shown = sb.json<{ referrals: { id: number; outcome: string }[] }>(['show', '1']);
    expect(shown.referrals).toEqual([
      { id: 2, name: 'Friend', stage: 'won', outcome: 'bought' },
      { id: 3, name: 'Other Friend', stage: 'new', outcome: 'open' },
    ]);
    expect(sb.ok(['report', 'referrals']).stdout).toBe(
      'referrer_id,referrer,referred,bought,open,lost\r\n1,Old Customer,2,1,1,0\r\n',
    );
  });
});

describe('appointments with a time (item 6)', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox('2026-03-02');
    sb.ok(['add-prospect', 'Hot', '--phone', '13800138001', '--tier', 'O', '--met', 'call']);
    sb.ok(['add-prospect', 'Warm', '--phone', '13800138002', '--tier', 'B', '--met', 'call']);
    sb.ok(['visit', '1', '--deposit', '5000']);
  });
  afterAll(() => sb.cleanup());

  it('book: a confirmation call the day before, the appointments first on the day by time; undo exact', () => {
    const before = dumpFile(sb.db);
    sb.ok(['book', '2', '--at', 'sat 15:00', '--kind', 'test-drive']);
    on(sb, '2026-03-02', ['undo', '--yes']);
    expect(dumpFile(sb.db)).toBe(before);
    sb.ok(['book', '2', '--at', 'sat 15:00', '--kind', 'test-drive', '--note', 'bring licence']);
    sb.ok(['book', '2', '--at', '2026-03-07 09:30']);
    const friday = morning(sb, '2026-03-06').filter((r) => r.reason === 'confirm-appointment');
    expect(friday).toMatchObject([{ id: 2, due: '2026-03-06', topic: 'visit-prep' }]);
    const saturday = morning(sb, '2026-03-07') as (Row & { time?: string })[];
    expect(saturday.slice(0, 3).map((r) => `${r.id} ${r.reason} ${r.time ?? ''}`)).toEqual([
      '2 appointment 09:30',
      '2 appointment 15:00',
      '1 callback ',
    ]);
    expect(saturday.some((r) => r.reason === 'confirm-appointment')).toBe(false);
  });

  it('exports them as timed events in the local time zone', () => {
    const ics = sb.ok(['calendar', '--days', '7']).stdout;
    expect(ics).toContain('DTSTART:20260307T093000');
    expect(ics).toContain('DTSTART:20260307T150000');
  });

  it('book --list and --cancel, which drops its confirmation call; undo puts both back', () => {
    const listed = sb.json<{ id: number; time: string; kind: string }[]>(['book', '--list']);
    expect(listed.map((a) => `${a.id} ${a.time} ${a.kind}`)).toEqual(['2 09:30 showroom', '1 15:00 test-drive']);
    const before = dumpFile(sb.db);
    sb.ok(['book', '--cancel', '2']);
    sb.ok(['book', '--cancel', '1']);
    expect(morning(sb, '2026-03-06').some((r) => r.reason === 'confirm-appointment')).toBe(false);
    on(sb, '2026-03-02', ['undo', '--yes']);
    on(sb, '2026-03-02', ['undo', '--yes']);
    expect(dumpFile(sb.db)).toBe(before);
  });
});

describe('reports (item 7)', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox('2026-03-02');
    sb.ok(['add-prospect', 'Buyer', '--phone', '13800138001', '--met', 'showroom', '--source', 'referral']);
    sb.ok(['add-prospect', 'Refunded', '--phone', '13800138002', '--met', 'call', '--source', 'referral']);
    on(sb, '2026-03-05', ['visit', '1', '--deposit', '5000']);
    on(sb, '2026-03-05', ['visit', '2', '--deposit', '3000']);
    on(sb, '2026-03-06', ['visit', '2', '--stage', 'negotiating']);
    on(sb, '2026-03-09', ['won', '1', '--model', 'Q5L', '--price', '39.8万', '--delivery', '2026-03-20']);
    on(sb, '2026-03-20', ['delivered', '1']);
  });
  afterAll(() => sb.cleanup());

  it('the funnel counts every deposit taken (a refunded one too) and every delivery', () => {
    const funnel = sb.json<{ source: string; stage: string; reached: number }[]>(['report', 'funnel']);
    const all = Object.fromEntries(funnel.filter((r) => r.source === 'all').map((r) => [r.stage, r.reached]));
    expect(all).toMatchObject({ negotiating: 2, deposit: 2, won: 1, delivered: 1 });
  });

  it('report deals lists each order with its deposit, delivery and days from first contact', () => {
    expect(sb.ok(['report', 'deals'], { DEALER_NOW: '2026-03-21' }).stdout).toBe(
      'id,name,model,price,deposit,won_on,delivery,delivered_on,days_to_order\r\n' +
        '1,Buyer,Q5L,398000,5000,2026-03-09,2026-03-20,2026-03-20,7\r\n',
    );
  });
});

describe('the deal in the prospects file (item 7)', () => {
  it('appends the deal columns, and export → import → export is byte-exact', () => {
    const a = sandbox('2026-03-02');
    const b = sandbox('2026-03-02');
    try {
      a.ok(['add-prospect', 'Buyer', '--phone', '13800138001', '--met', 'call']);
      a.ok(['add-prospect', 'Holder', '--phone', '13800138002', '--met', 'call']);
      a.ok(['visit', '2', '--deposit', '5000', '--hold', '7d', '--top-up', '2万', '--top-up-by', '+5d']);
      a.ok([
        'won',
        '1',
        '--model',
        'A6L, 45 TFSI',
        '--price',
        '39.8万',
        '--delivery',
        '+10d',
        '--insurance-until',
        '2027-03-01',
      ]);
      const first = a.ok(['report', 'prospects']).stdout;
      const header = first.split('\r\n')[0]!.split(',');
      expect(header.slice(0, 23).at(-1)).toBe('note');
      expect(header.slice(23)).toEqual([
        'deposit',
        'deposit_on',
        'hold_until',
        'top_up',
        'top_up_by',
        'refunded_on',
        'order_model',
        'order_price',
        'delivery_date',
        'delivered_on',
        'insurance_until',
        'renewed_on',
        'matures',
      ]);
      b.run(['import', 'prospects', '-'], { input: first });
      b.run(['import', 'visits', '-'], { input: a.ok(['report', 'visits']).stdout });
      expect(b.ok(['report', 'prospects']).stdout).toBe(first);
      expect(b.json<{ deal: { model: string; price: number } }>(['show', '1']).deal).toMatchObject({
        model: 'A6L, 45 TFSI',
        price: 398000,
      });
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});
