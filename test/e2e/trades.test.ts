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
    const today = zh(['today']);
    expect(today).toMatch(/待致谢\s+保有维系/);
    expect(today).toContain('dealer script 保有维系 --for 1');
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
