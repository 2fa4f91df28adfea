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
