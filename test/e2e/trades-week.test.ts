// Issue 14, done-when: a week in each trade, in Chinese with a pinned clock — the trade's stage
// names, its rhythm, what `today` opens with, its needs questions and the reminders it brings.
import { afterEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
afterEach(() => s.cleanup());

/** A Chinese command on a given day (the sandbox's own day when none). */
const zh = (args: string[], day?: string) => s.ok([...args, '--lang', 'zh'], day ? { DEALER_NOW: day } : undefined).stdout;
type Due = { id: number; reason: string; due: string; stage: string; topic: string }[];
const due = (day: string, days = 0) =>
  s.json<Due>(['today', '--days', String(days), '--lang', 'zh'], { env: { DEALER_NOW: day } });

describe('real estate (篇4)', () => {
  it('calls an A buyer every three days, takes a deposit that holds, opens with its sheets', () => {
    s = sandbox('2026-09-20');
    zh(['config', 'set', 'trade', '房产']);
    expect(zh(['add-prospect', '周敏', '--gender', 'f', '--phone', '13300133000', '--within', '1m', '--met', 'showroom'])).toMatch(
      /A 级.*已到访.*2026-09-23/,
    );
    expect(zh(['today'], '2026-09-23')).toMatch(/已到访\s+今天\s+回访\s+购房需求/);
    zh(['visit', '1', '--kind', 'visit', '--stage', '大定', '--deposit', '20000', '--hold', '7d'], '2026-09-23');
    const card = zh(['show', '1'], '2026-09-23');
    expect(card).toMatch(/阶段\s+已交大定/);
    expect(card).toContain('定金到期 2026-09-30');
    expect(zh(['today'], '2026-09-30')).toMatch(/已交大定\s+今天\s+定金到期\s+成交/);
    zh(['won', '1'], '2026-09-30');
    expect(zh(['list'], '2026-09-30')).toMatch(/周敏.*已签约/);
  });
});

describe('insurance (篇8)', () => {
  it('calls a hot customer the next day, asks a saver\'s questions, and reminds the product\'s maturity', () => {
    s = sandbox('2026-09-20');
    zh(['config', 'set', 'trade', '保险']);
    expect(zh(['add-prospect', '李娜', '--gender', 'f', '--phone', '13700137000', '--within', '1w', '--met', 'call'])).toMatch(
      /已接触.*2026-09-21/,
    );
    // First the needs (保险需求), then the product (银行保险); fifteen short conversations a day.
    const monday = zh(['today'], '2026-09-21');
    expect(monday).toMatch(/已接触\s+今天\s+回访\s+保险需求/);
    expect(monday).toContain('0/15');
    zh(['consult', '1', '--set', 'maturing=10月8日定期到期'], '2026-09-21');
    expect(zh(['show', '1'])).toMatch(/最近有没有定期、国债或者理财快到期了？大概哪天？\s+10月8日定期到期/);
    expect(s.run(['consult', '1', '--set', 'driving_years=5', '--lang', 'zh']).code).toBe(2);
    zh(['visit', '1', '--kind', 'call', '--stage', '说明'], '2026-09-21');
    expect(zh(['today'], '2026-09-22')).toMatch(/已说明\s+今天\s+回访\s+银行保险/);
    expect(zh(['script', '保险需求', '--for', '1'])).toMatch(/✓ 最近有没有定期[^\n]*→ 10月8日定期到期/);
    zh(['won', '1', '--matures', '2027-09-22'], '2026-09-22');
    const card = zh(['show', '1'], '2026-09-22');
    expect(card).toMatch(/阶段\s+已出单/);
    expect(card).toContain('产品到期 2027-08-23');
    expect(s.json<{ stage: string }>(['show', '1']).stage).toBe('won');
  });
});

describe('medical equipment (篇6)', () => {
  it('visits a hospital on a rhythm of weeks, through department and dean, asking about the department\'s work', () => {
    s = sandbox('2026-09-20');
    zh(['config', 'set', 'trade', '医疗']);
    const added = zh(['add-prospect', '张主任', '--org', '市第一人民医院', '--gender', 'm', '--phone', '13600136000', '--tier', 'A', '--met', 'visit']);
    expect(added).toMatch(/科室.*2026-10-04/); // fourteen days, not the car's seven
    zh(['consult', '1', '--set', 'workload=每天CT约200例', '--set', 'funding=财政拨款']);
    const card = zh(['show', '1']);
    expect(card).toMatch(/资金从哪来？[^\n]*\s+财政拨款/);
    expect(card).toMatch(/阶段\s+科室/);
    zh(['visit', '1', '--kind', 'visit', '--stage', '院长', '--note', '见了分管院长', '--date', '2026-09-27'], '2026-09-27');
    const today = zh(['today'], '2026-10-11');
    expect(today).toMatch(/院办\s+今天\s+回访\s+医疗设备/);
    expect(today).toContain('0/5');
    expect(zh(['script', '科室需求'])).toContain('分管院长能单独拍板');
    // The thank-you the first visit owes came the next day.
    expect(due('2026-09-21').map((i) => i.reason)).toEqual(['thank-you']);
  });
});

describe('travel (篇5)', () => {
  it('plans the calls around a trip: notice, check-ins, a birthday on the road, the quality call, the balance', () => {
    s = sandbox('2026-09-20');
    zh(['config', 'set', 'trade', '旅游']);
    expect(
      zh(['add-prospect', '王建国', '--gender', 'm', '--phone', '13800138000', '--within', '1w', '--met', 'call', '--birthday', '1980-10-04']),
    ).toMatch(/已询价.*2026-09-22/);
    expect(zh(['today'], '2026-09-22')).toMatch(/已询价\s+今天\s+回访\s+出游需求/);
    zh(['consult', '1', '--set', 'travellers=4人，两位老人'], '2026-09-22');
    zh(['visit', '1', '--kind', 'call', '--stage', '报价'], '2026-09-22');
    zh(['edit', '1', '--departs', '2026-10-01', '--returns', '2026-10-07', '--balance-due', '2026-10-10'], '2026-09-22');
    const card = zh(['show', '1'], '2026-09-22');
    expect(card).toMatch(/阶段\s+已报价/);
    expect(card).toMatch(/行程\s+2026-10-01 → 2026-10-07/);
    expect(card).toMatch(/一共几位出行？[^\n]*\s+4人，两位老人/);

    // Won (the contract signed) before the trip: the trip's calls are kept.
    zh(['won', '1'], '2026-09-25');
    expect(due('2026-09-26', 20).map((i) => `${i.reason} ${i.due}`)).toEqual([
      'thank-you 2026-09-26',
      'trip-prep 2026-09-28',
      'trip-check 2026-10-02',
      'trip-check 2026-10-04',
      'birthday 2026-10-04',
      'trip-check 2026-10-06',
      'trip-return 2026-10-08',
      'balance-due 2026-10-10',
    ]);
    // The departure notice carries the birthday on the road, for the guide.
    const notice = zh(['today'], '2026-09-28');
    expect(notice).toMatch(/已签约\s+今天\s+出团通知（2026-10-04 团中生日：告诉导游）\s+出团服务/);
    // Each call lapses by its own moment: the notice once they have left, a check-in after its day,
    // the quality call three days home; the balance is owed until ticked off.
    expect(due('2026-09-30').map((i) => `${i.reason} ${i.overdueDays}`)).toContain('trip-prep 2');
    expect(due('2026-10-01').map((i) => i.reason)).not.toContain('trip-prep');
    expect(due('2026-10-03').map((i) => i.reason)).not.toContain('trip-check');
    expect(zh(['today'], '2026-10-08')).toMatch(/回团质量回访\s+出团服务/);
    expect(due('2026-10-12').map((i) => `${i.reason} ${i.overdueDays}`)).toEqual(['balance-due 2']);
    // Snoozing the notice past departure is refused, naming its last day.
    const late = s.run(['snooze', '1', '2026-10-02'], { env: { DEALER_NOW: '2026-09-28' } });
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/^error: .*2026-09-30/);
    expect(zh(['script', '出团服务', '--for', '1'])).toContain('回团三天内');
  });

  it('a trip signed is 已签约 until it comes home; coming home before it left is refused; home, one after-trip call', () => {
    s = sandbox('2026-03-02');
    zh(['add-prospect', '王建国', '--phone', '13800138000', '--trade', 'travel', '--departs', '2026-03-10', '--returns', '2026-03-16']);
    expect(zh(['won', '1', '--delivery', '2026-03-16'])).not.toContain('出团准备');
    expect(zh(['list'])).toMatch(/王建国.*已签约/);
    const early = s.run(['delivered', '1'], { env: { DEALER_NOW: '2026-03-05' } });
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^error: .*2026-03-10/);
    zh(['delivered', '1'], '2026-03-16');
    expect(due('2026-03-17', 10).map((i) => i.reason)).toEqual(['trip-return']);
  });

  it('a balance ticked off and a notice given are not brought back by new dates, and edit says so', () => {
    s = sandbox('2026-03-07');
    zh(['add-prospect', '王建国', '--phone', '13800138000', '--trade', 'travel', '--departs', '2026-03-10', '--returns', '2026-03-12', '--balance-due', '2026-03-07']);
    zh(['done', '1']);
    expect(s.ok(['edit', '1', '--balance-due', '2026-03-08']).stderr).toContain('paid');
    expect(s.ok(['edit', '1', '--departs', '2026-03-11']).stderr).toContain('notice was given');
    expect(due('2026-03-08', 1).map((i) => i.reason)).not.toContain('balance-due');
    expect(due('2026-03-08', 1).map((i) => i.reason)).not.toContain('trip-prep');
  });

  it('show lists as owed only what today would still show: a notice and a check-in past their day are gone', () => {
    s = sandbox('2026-03-01');
    zh(['add-prospect', '王建国', '--phone', '13800138000', '--trade', 'travel', '--departs', '2026-03-10', '--returns', '2026-03-16']);
    const owed = (day: string) =>
      s.json<{ reminders: { reason: string; due: string }[] }>(['show', '1'], { env: { DEALER_NOW: day } }).reminders.map(
        (r) => `${r.reason} ${r.due}`,
      );
    expect(owed('2026-03-13')).toEqual(['trip-check 2026-03-13', 'trip-check 2026-03-15', 'trip-return 2026-03-17']);
    expect(s.ok(['show', '1'], { DEALER_NOW: '2026-03-13' }).stdout).not.toContain('2026-03-11');
  });

  it('refuses a trip that comes home before it leaves, half a trip and an impossible date; undo takes a trip edit back', () => {
    s = sandbox('2026-09-20');
    zh(['add-prospect', '王建国', '--phone', '13800138000', '--trade', 'travel', '--departs', '2026-10-01', '--returns', '2026-10-07']);
    for (const bad of [
      ['--departs', '2026-10-08'],
      ['--returns', '2026-09-30'],
      ['--departs', '2026-02-30', '--returns', '2026-03-02'],
    ]) {
      const r = s.run(['edit', '1', ...bad, '--lang', 'zh']);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^error: /);
    }
    expect(s.run(['add-prospect', '李娜', '--phone', '13700137000', '--departs', '2026-10-01']).code).toBe(2);
    // A car buyer in a car book is planned no tour's calls: the refusal points to --trade travel.
    const car = s.run(['add-prospect', '李娜', '--phone', '13700137000', '--departs', '2026-10-01', '--returns', '2026-10-03']);
    expect(car.code).toBe(2);
    expect(car.stderr).toContain('--trade travel');
    // Nor does a trip stay on a prospect moved to the car trade: clear the trip first.
    expect(s.run(['edit', '1', '--trade', 'car']).code).toBe(2);
    expect(s.run(['edit', '1', '--trade', 'car', '--clear', 'trip']).code).toBe(0);
    zh(['edit', '1', '--trade', 'travel', '--departs', '2026-10-01', '--returns', '2026-10-07']);

    // A car book: this deal is travel's, so it names its stage and opens the trip's way.
    expect(zh(['list'])).toMatch(/王建国.*新客户/);
    zh(['edit', '1', '--departs', '2026-11-01', '--returns', '2026-11-03']);
    const moved = s.json<{ departs: string; returns: string; balanceDue: null }>(['show', '1']);
    expect(moved).toMatchObject({ departs: '2026-11-01', returns: '2026-11-03', balanceDue: null });
    s.ok(['undo', '--yes']);
    const back = s.json<{ departs: string; returns: string }[]>(['list']);
    expect(back[0]).toMatchObject({ departs: '2026-10-01', returns: '2026-10-07' });
    expect(due('2026-09-28').map((i) => `${i.reason} ${i.due} ${i.topic}`)).toContain('trip-prep 2026-09-28 travel');
  });
});

describe('one deal of another trade in a car book', () => {
  it('keeps its own cadence, opener and stage names in list and today', () => {
    s = sandbox('2026-09-20');
    zh(['add-prospect', '周敏', '--phone', '13300133000', '--trade', 'real-estate', '--within', '1w', '--met', 'showroom']);
    zh(['add-prospect', '赵强', '--phone', '13600136000', '--within', '1w', '--met', 'showroom']);
    expect(zh(['visit', '1', '--kind', 'visit', '--stage', '看房'], '2026-09-21')).toMatch(/阶段：已带看\n\s+下次回访：2026-09-23/);
    zh(['visit', '2', '--kind', 'visit', '--stage', 'presented'], '2026-09-21');
    // Real estate's two days; the car's three.
    const rows = s.json<{ id: number; nextCallback: string }[]>(['list']);
    expect(rows.map((p) => [p.id, p.nextCallback])).toEqual(
      expect.arrayContaining([
        [1, '2026-09-23'],
        [2, '2026-09-24'],
      ]),
    );
    const list = zh(['list'], '2026-09-21');
    expect(list).toMatch(/周敏.*已带看/);
    expect(list).toMatch(/赵强.*已展示|赵强.*产品介绍|赵强.*已介绍/);
    expect(zh(['today'], '2026-09-23')).toMatch(/周敏[^\n]*已带看\s+今天\s+回访\s+房产签约/);
  });
});

describe('a car deal in a real-estate book, typed a stage that is none', () => {
  it("is told the car's stage names, not the book's", () => {
    s = sandbox('2026-03-02');
    s.ok(['config', 'set', 'trade', 'real-estate']);
    s.ok(['add-prospect', 'X', '--phone', '13800138000', '--trade', 'car']);
    const r = s.run(['visit', '1', '--stage', 'bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('test drive');
    expect(r.stderr).not.toContain('viewing');
  });
});

describe('a trip as the hostile review typed it', () => {
  it('a walk-in does no trip call; set and cleared at once is refused; clearing nothing writes nothing; a snoozed check-in is one a day', () => {
    s = sandbox('2026-09-20');
    const at = (day: string) => ({ DEALER_NOW: day });
    s.ok(['add-prospect', 'Wang', '--phone', '13800138000', '--trade', 'travel', '--departs', '+2d', '--returns', '+6d', '--balance-due', 'today', '--met', 'showroom']);
    // Meeting them is not giving the departure notice nor taking the balance.
    expect(due('2026-09-20').map((i) => i.reason)).toEqual(expect.arrayContaining(['trip-prep', 'balance-due']));

    const both = s.run(['edit', '1', '--clear', 'trip', '--departs', '2026-10-01']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^error: .*trip/);
    const long = s.run(['edit', '1', '--returns', '2199-12-31']);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('2199-12-31');
    expect(long.stderr).not.toContain('2200');
    expect(s.ok(['edit', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/trip \(both dates and the balance\), balance-due/);

    s.ok(['add-prospect', 'Li', '--phone', '13700137000']);
    expect(s.ok(['edit', '2', '--clear', 'trip']).stdout + s.run(['edit', '2', '--clear', 'trip']).stderr).toMatch(/nothing changed/);
    // Nothing was journaled: undo takes back the add, not an empty edit.
    s.ok(['undo', '--yes']);
    expect(s.json<unknown[]>(['list'])).toHaveLength(1);

    // A check-in snoozed onto the next one's day is not a second call that day, nor a second UID.
    s.ok(['snooze', '1', '2026-09-25'], at('2026-09-23'));
    const uids = s.ok(['calendar', '--out', '-'], at('2026-09-23')).stdout.match(/^UID:.*$/gm) ?? [];
    expect(uids.length).toBeGreaterThan(0);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('tells the guide about a lunar birthday on the trip, and follows a birthday edited in or out', () => {
    s = sandbox('2027-02-01');
    s.ok(['config', 'set', 'trade', 'travel']);
    s.ok(['add-prospect', 'Zhao', '--phone', '13600136000', '--trade', 'travel', '--birthday', '农历正月十五', '--departs', '2027-02-18', '--returns', '2027-02-22']);
    type Row = { reason: string; birthdayOnTrip?: string; trade?: string };
    const prep = (day = '2027-02-15') =>
      s.json<Row[]>(['today'], { env: { DEALER_NOW: day } }).find((i) => i.reason === 'trip-prep');
    expect(prep()?.birthdayOnTrip).toBe('2027-02-20');
    // Its trade is the book's: `trade` is there only when it differs.
    expect(prep()).not.toHaveProperty('trade');
    s.ok(['edit', '1', '--birthday', '03-01']);
    expect(prep()).toBeDefined();
    expect(prep()?.birthdayOnTrip).toBeUndefined();
    s.ok(['edit', '1', '--birthday', '1990-02-21']);
    expect(prep()?.birthdayOnTrip).toBe('2027-02-21');
  });
});
