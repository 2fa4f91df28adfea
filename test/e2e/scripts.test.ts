// Scripts as a new user meets them: the list, a topic, personalised for a prospect, the override
// folder, a broken override file, and consult saving answers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';
import { atTerminal, ENTER } from '../helpers/terminal.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox('2026-03-02');
  s.run(['add-prospect', 'Wang Lei', '--phone', '13800138000', '--within', '1m', '--interest', 'A6L']);
});
afterEach(() => s.cleanup());

const userScripts = () => {
  const dir = join(s.env.XDG_CONFIG_HOME!, 'dealer', 'scripts');
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe('dealer script', () => {
  it('lists the topics with one line each, in both languages', () => {
    const en = s.run(['script']);
    expect(en.code).toBe(0);
    for (const topic of [
      'reception',
      'consult',
      'present',
      'negotiate',
      'insurance',
      'medical',
      'real-estate',
      'customer-types',
    ]) {
      expect(en.stdout).toMatch(new RegExp(`^${topic}\\s`, 'm'));
    }
    expect(s.run(['script', '--lang', 'zh']).stdout).toContain('需求分析');
  });

  it('prints a topic with the consultant and store names from config', () => {
    s.run(['config', 'set', 'consultant.name', 'Amy Li']);
    s.run(['config', 'set', 'store.name', 'Harbour Audi']);
    const r = s.run(['script', 'reception']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('welcome to Harbour Audi');
    expect(r.stdout).toContain("I'm Amy Li");
  });

  it('--for personalises: name, interest, answered questions marked and last', () => {
    s.run(['consult', '1', '--set', 'budget=300k', '--set', 'priority=safety for the kids']);
    const t = s.json<{ sections: { items: { key?: string; text: string; answer?: string }[] }[] }>([
      'script',
      'consult',
      '--for',
      '1',
    ]);
    const qs = t.sections.flatMap((x) => x.items).filter((i) => i.key);
    expect(qs.find((q) => q.key === 'other_models')!.text).toContain('A6L');
    expect(qs.slice(-2).map((q) => `${q.key}=${q.answer}`)).toEqual(['priority=safety for the kids', 'budget=300k']);
    const text = s.run(['script', 'present', '--for', '1']).stdout;
    expect(text.indexOf('Safety')).toBeLessThan(text.indexOf('Power and handling'));
    expect(text).toMatch(/Safety\s+← matters to them/);
  });

  it('--for puts the objections heard from this prospect first', () => {
    s.run(['visit', '1', '--objection', 'compare']);
    const text = s.run(['script', 'negotiate', '--for', '1']).stdout;
    expect(text.indexOf("I'm comparing")).toBeLessThan(text.indexOf("It's too expensive"));
  });

  it.each([
    [['script', 'haircut'], /no script topic "haircut" — topics: reception, consult/],
    [['script', 'consult', '--for', '99'], /no prospect #99/],
    [['script', '--for', '1'], /missing topic/],
  ])('%j is exit 2', (args, message) => {
    const r = s.run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('the override folder', () => {
  it('adds topics and replaces built-in ones, per language', () => {
    const dir = userScripts();
    writeFileSync(
      join(dir, 'mine.en.md'),
      '# trade-in: Trade-in\n> Valuing their old car\n## Ask\n- [mileage] How many kilometres has it done?\n',
    );
    writeFileSync(join(dir, 'zh.md'), '# reception: 我的接待话术\n> 自己的版本\n## 开场\n- 您好，欢迎！\n');
    expect(s.run(['script']).stdout).toMatch(/^trade-in\s+Trade-in/m);
    expect(s.run(['script', 'trade-in']).stdout).toContain('How many kilometres');
    expect(s.run(['script', 'reception', '--lang', 'zh']).stdout).toContain('我的接待话术');
    expect(s.run(['script', 'reception']).stdout).toContain('Give them room');
  });

  it('a broken file is named with its line, and the built-in topics keep working', () => {
    writeFileSync(join(userScripts(), 'broken.en.md'), '# mine: Mine\n## Part\n- fine\nthis line is not valid\n');
    const r = s.run(['script', 'consult']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Needs analysis');
    expect(r.stderr).toMatch(/^warning: .*broken\.en\.md:4: /m);
    expect(s.run(['script', 'mine']).code).toBe(2);
  });
});

describe('dealer consult', () => {
  it('--set saves answers in one go, and they show on the prospect', () => {
    const r = s.run(['consult', '1', '--set', 'budget=250k', '--set', 'main_use=commute']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 of 12 questions answered');
    expect(s.json<{ answers: Record<string, string> }>(['show', '1']).answers).toEqual({
      budget: '250k',
      main_use: 'commute',
    });
    expect(s.run(['show', '1']).stdout).toContain('What price range would you feel comfortable with?  250k');
    s.run(['consult', '1', '--set', 'budget=']);
    expect(s.json<{ answers: Record<string, string> }>(['show', '1']).answers).toEqual({ main_use: 'commute' });
  });

  it.each([
    [['consult', '1'], /missing answers — pass --set key=value/],
    [['consult', '1', '--set', 'favourite_colour=red'], /"favourite_colour" is not a consultation question/],
    [['consult', '1', '--set', 'budget'], /"budget" is not key=value/],
    [['consult', '99', '--set', 'budget=1'], /no prospect #99/],
  ])('%j is exit 2 and saves nothing', (args, message) => {
    const r = s.run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(s.json<{ answers: Record<string, string> }>(['show', '1']).answers).toEqual({});
  });

  it('at a terminal: answer, skip, go back, finish early; saved at the end', () => {
    const r = atTerminal(
      s,
      ['consult', '1'],
      [
        { after: '1/12', send: `12 years${ENTER}` },
        { after: '2/12', send: ENTER },
        { after: '3/12', send: `<${ENTER}` },
        { after: '2/12', send: `A VW Passat${ENTER}` },
        { after: '3/12', send: `safety${ENTER}` },
        { after: '4/12', send: `.${ENTER}` },
      ],
    );
    expect(r.code).toBe(0);
    expect(s.json<{ answers: Record<string, string> }>(['show', '1']).answers).toEqual({
      driving_years: '12 years',
      previous_car: 'A VW Passat',
      priority: 'safety',
    });
  });

  it('Ctrl-C in the middle saves nothing and exits 130', () => {
    const r = atTerminal(
      s,
      ['consult', '1'],
      [
        { after: '1/12', send: `12 years${ENTER}` },
        { after: '2/12', signal: 'INT' },
      ],
    );
    expect(r.code).toBe(130);
    expect(r.output).toContain('Cancelled, nothing saved');
    expect(s.json<{ answers: Record<string, string> }>(['show', '1']).answers).toEqual({});
  });
});
