// Round-3 review of the words: Chinese screens without English keys, each trade's own words,
// phones and people, milestones said once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
const zh = (args: string[]) => s.ok([...args, '--lang', 'zh']).stdout;
beforeEach(() => {
  s = sandbox('2026-03-11');
});
afterEach(() => s.cleanup());

describe('Chinese screens show the zh topic name', () => {
  it('script titles and the won referral hint', () => {
    s.ok(['config', 'set', 'trade', 'medical']);
    s.ok(['add-prospect', '王院长', '--phone', '13800138000', '--within', '1m']);
    const script = zh(['script', '科室需求']);
    expect(script.split('\n')[0]).not.toContain('consult-medical');
    expect(zh(['script', '出团服务']).split('\n')[0]).not.toMatch(/travel/);
    const won = s.ok(['won', '1', '--lang', 'zh']);
    expect(won.stdout + won.stderr).toContain('dealer script 保有维系 --for 1');
  });
});
