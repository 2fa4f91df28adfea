// Issue 14, in Chinese as consultants speak it, with a pinned clock: customers addressed as 王先生,
// thank-yous sent the next day saying 昨天, topic names in Chinese, no guaranteed returns.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
const zh = (args: string[]) => s.ok([...args, '--lang', 'zh']).stdout;
beforeEach(() => {
  s = sandbox('2026-09-20');
  zh(['config', 'set', 'consultant.name', '小刘']);
  zh(['config', 'set', 'store.name', '东风4S店']);
});
afterEach(() => s.cleanup());

describe('Chinese as consultants speak it', () => {
  it('addresses the customer by surname in scripts, and the next-day thank-you says 昨天', () => {
    // Came in yesterday: the thank-you is owed today.
    zh(['add-prospect', '王建国', '--gender', 'm', '--phone', '13800138000', '--interest', '途观', '--met', 'showroom', '--date', '2026-09-19']);
    const script = zh(['script', 'follow-up', '--for', '1']);
    expect(script).toContain('王先生您好，我是东风4S店的小刘。谢谢您昨天来店里看车，途观');
    expect(script).not.toContain('王建国您好');
    expect(script).not.toContain('今天来店');
    expect(zh(['show', '1'])).toMatch(/称呼\s+王先生/);
  });

  it('uses a form of address typed by hand, and edit can change it', () => {
    zh(['add-prospect', '张伟', '--salutation', '张总', '--phone', '13900139000']);
    expect(zh(['script', 'delivery', '--for', '1'])).toContain('张总您好，我是东风4S店的小刘');
    zh(['edit', '1', '--salutation', '张哥']);
    expect(zh(['script', 'delivery', '--for', '1'])).toContain('张哥您好');
  });

  it('shows Chinese topic names in the script list and today, and accepts them', () => {
    zh(['add-prospect', '李娜', '--gender', 'f', '--phone', '13700137000', '--met', 'showroom', '--date', '2026-09-19']);
    expect(zh(['script'])).toMatch(/^保有维系\s/m);
    const today = s.ok(['today', '--lang', 'zh']);
    expect(today.stdout).toMatch(/待致谢\s+保有维系/);
    // Piped, the list is the data: the tip under it goes to stderr.
    expect(today.stdout).not.toContain('dealer script');
    expect(today.stderr).toContain('dealer script 保有维系 --for 1');
    expect(zh(['script', '保有维系', '--for', '1'])).toContain('李女士您好');
  });

  it('says what a bank-insurance product is, never that its returns are guaranteed', () => {
    const cn = zh(['script', 'insurance']);
    const en = s.ok(['script', 'insurance']).stdout;
    expect(cn).toContain('年金保险');
    expect(cn).not.toMatch(/收益有保底|保本保息/);
    expect(en).not.toMatch(/guaranteed returns/i);
    expect(en).toContain('not a deposit');
  });

  it('names the stages as a Chinese showroom does', () => {
    zh(['add-prospect', '赵强', '--phone', '13600136000']);
    zh(['visit', '1', '--kind', 'call', '--stage', 'consulted', '--date', '2026-09-20']);
    expect(zh(['show', '1'])).toContain('已做需求分析');
  });
});

describe('customer types kept (篇1 R1-R4, S1-S4)', () => {
  it('saves readiness and style, shows them, and leads script --for with the matching advice', () => {
    zh(['add-prospect', '王建国', '--gender', 'm', '--phone', '13800138000']);
    zh(['consult', '1', '--set', 'readiness=r2']);
    const present = zh(['script', 'present', '--for', '1']);
    const sections = present.split('\n\n');
    // Right after the heading: the R2 line and the style that goes with it (S2).
    expect(sections[1]).toMatch(/^客户类型 R2\n\s+• R2——能力低、意愿高.*\n\s+• R2 用 S2/);
    expect(zh(['show', '1'])).toMatch(/客户类型\s+R2——能力低、意愿高/);

    // A style chosen by hand replaces the one that follows from the readiness.
    zh(['consult', '1', '--set', 'style=S3']);
    const again = zh(['script', 'negotiate', '--for', '1']).split('\n\n')[1]!;
    expect(again).toMatch(/^客户类型 R2 · S3/);
    expect(again).toContain('R3 用 S3');
    expect(again).not.toContain('R2 用 S2');
    expect(s.json<{ answers: Record<string, string> }>(['show', '1']).answers).toMatchObject({ readiness: 'R2', style: 'S3' });
  });

  it('refuses a type that is not R1-R4 or S1-S4', () => {
    zh(['add-prospect', '李娜', '--phone', '13700137000']);
    const r = s.run(['consult', '1', '--set', 'style=S9', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('S1, S2, S3, S4');
  });
});

describe('greetings for the Chinese calendar', () => {
  it('greet 中秋 lists customers and hot prospects, addressed and signed, on this year\'s date', () => {
    s.cleanup();
    s = sandbox('2026-09-01');
    zh(['config', 'set', 'me.name', '小刘']);
    zh(['config', 'set', 'me.store', '东风4S店']);
    zh(['add-prospect', '王建国', '--gender', 'm', '--phone', '13800138000', '--within', '1m']); // A: greeted
    zh(['add-prospect', '李娜', '--gender', 'f', '--phone', '13700137000']); // C: not
    zh(['add-prospect', '张伟', '--salutation', '张总', '--phone', '13900139000']);
    zh(['won', '3']); // a customer: greeted, first
    zh(['add-prospect', '赵强', '--gender', 'm', '--phone', '13600136000', '--within', '1w']);
    zh(['lost', '4', '--reason', '买了别家']); // lost: not
    zh(['add-prospect', '钱多多', '--gender', 'f', '--phone', '13400134000', '--within', '6m']); // dated, but C: not
    const out = zh(['greet', '中秋']);
    expect(out).toContain('中秋节 2026-09-25');
    expect(out).toMatch(/#3 张总[^\n]*客户[^\n]*\n\s+张总您好，我是东风4S店的小刘。中秋快乐！/);
    expect(out).toMatch(/#1 王先生[^\n]*\n\s+王先生您好，我是东风4S店的小刘。中秋快乐！/);
    expect(out.indexOf('#3 张总')).toBeLessThan(out.indexOf('#1 王先生'));
    expect(out).not.toContain('李');
    expect(out).not.toContain('赵');
    expect(out).not.toContain('钱');
    const json = s.json<{ date: string; people: { id: number; salutation: string }[] }>(['greet', '中秋', '--lang', 'zh']);
    expect(json.date).toBe('2026-09-25');
    expect(json.people.map((p) => [p.id, p.salutation])).toEqual([
      [3, '张总'],
      [1, '王先生'],
    ]);
    // After this year's Mid-Autumn, next year's.
    expect(s.ok(['greet', '中秋', '--lang', 'zh'], { DEALER_NOW: '2026-09-26' }).stdout).toContain('2027-09-15');
  });

  it('reminds a lunar birthday on its solar day that year', () => {
    zh(['add-prospect', '孙丽', '--gender', 'f', '--phone', '13500135000', '--birthday', '农历三月初二', '--next', '2026-12-01']);
    expect(zh(['show', '1'])).toMatch(/生日\s+农历三月初二/);
    type Due = { id: number; reason: string; due: string }[];
    const birthdays = (now: string) =>
      s.json<Due>(['today', '--lang', 'zh'], { env: { DEALER_NOW: now } }).filter((i) => i.reason === 'birthday');
    // 农历三月初二 is 2027-04-08 (and was 2026-04-18).
    expect(birthdays('2027-04-07')).toEqual([]);
    expect(birthdays('2027-04-08')).toEqual([expect.objectContaining({ id: 1, due: '2027-04-08' })]);
    // Greeted on the day (done), it is not due again that year.
    expect(s.ok(['done', '1', '--lang', 'zh'], { DEALER_NOW: '2027-04-08' }).stdout).toContain('生日');
    expect(birthdays('2027-04-08')).toEqual([]);
  });
});

describe('a trade of its own: real estate (篇4)', () => {
  it('names the stages, calls hot buyers every two days, opens with its scripts and asks its questions', () => {
    zh(['config', 'set', 'trade', '房产']);
    // 2026-09-20 pinned. An O buyer who came to the sales office today.
    const added = zh(['add-prospect', '王建国', '--gender', 'm', '--phone', '13800138000', '--within', '1w', '--met', 'showroom']);
    expect(added).toContain('已到访');
    expect(added).toContain('2026-09-22'); // two days, not the car's three
    zh(['visit', '1', '--kind', 'visit', '--stage', '看房', '--note', '看了12号楼']);
    expect(zh(['show', '1'])).toMatch(/阶段\s+已带看/);
    const today = s.ok(['today', '--lang', 'zh'], { DEALER_NOW: '2026-09-22' }).stdout;
    expect(today).toMatch(/已带看.*回访\s+房产签约/);
    expect(today).toContain('0/8'); // the trade's daily goal
    // The needs analysis asks a home buyer's questions, not a driver's.
    zh(['consult', '1', '--set', 'purpose=改善', '--set', 'layout=三房']);
    expect(s.run(['consult', '1', '--set', 'driving_years=5', '--lang', 'zh']).code).toBe(2);
    expect(zh(['show', '1'])).toMatch(/面积和户型您大概怎么考虑？要几房？\s+三房/);
    // The funnel underneath is the common one: reports still compare.
    expect(s.json<{ stage: string }>(['show', '1']).stage).toBe('presented');
    expect(zh(['config', 'get', 'cadence.person.O'])).toContain('2');
  });

  it('leaves a car consultant\'s book as it was', () => {
    const added = zh(['add-prospect', '李娜', '--phone', '13700137000', '--within', '1w', '--met', 'showroom']);
    expect(added).toContain('已联系');
    expect(added).toContain('2026-09-23');
    expect(s.run(['config', 'set', 'trade', 'bakery']).code).toBe(2);
  });
});

describe('one deal of another trade', () => {
  it('keeps its own trade: its stage names and its questions, in a car book', () => {
    zh(['add-prospect', '周敏', '--gender', 'f', '--phone', '13300133000', '--trade', 'real-estate', '--met', 'showroom']);
    const card = zh(['show', '1']);
    expect(card).toMatch(/行业\s+房产/);
    expect(card).toMatch(/阶段\s+已到访/);
    zh(['consult', '1', '--set', 'purpose=自住']);
    expect(s.json<{ trade: string; answers: Record<string, string> }>(['show', '1'])).toMatchObject({
      trade: 'real-estate',
      answers: { purpose: '自住' },
    });
    zh(['edit', '1', '--clear', 'trade']);
    expect(zh(['show', '1'])).toMatch(/阶段\s+已联系/);
  });
});
