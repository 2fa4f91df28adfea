// Correcting an organisation's people and milestones (hostile review, round 2): a name already
// there is not silently rewritten, a mistake can be removed and undone, a milestone moves or goes,
// options an action has no use for are refused, and messages name the organisation, not its contact.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers/cli.js';

let s: Sandbox;
beforeAll(() => {
  s = sandbox('2026-03-02');
  s.ok(['add-prospect', 'Zhang Wei', '--org', 'Org A', '--phone', '13800000001', '--next', '2026-03-20']);
  s.ok(['people', 'add', '1', 'Li Ming', '--role', 'selector', '--stance', 'supporter']);
});
afterAll(() => s.cleanup());

const rows = (sql: string): unknown[] => {
  const db = new Database(s.db, { readonly: true });
  try {
    return db.prepare(sql).raw().all();
  } finally {
    db.close();
  }
};

describe('people add, edit, remove', () => {
  it('refuses a name already there, however typed, and rewrites nobody', () => {
    for (const typed of ['li ming', 'ＬＩ　ＭＩＮＧ', 'Li\u200b Ming'] as const) {
      const r = s.run(['people', 'add', '1', typed, '--role', 'user']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/already has Li Ming .*dealer people edit 1 "Li Ming"/);
    }
    expect(rows('SELECT name, role FROM person')).toEqual([['Li Ming', 'selector']]);
  });

  it('names the organisation, not its contact person; no nested parentheses', () => {
    const r = s.ok(['people', 'add', '1', 'Wang', '--role', 'user']);
    expect(r.stdout).toBe('Added Wang (main user) to #1 Org A\n');
    expect(s.ok(['people', '1']).stdout).toContain('People of #1 Org A');
  });

  it('edit changes what is given, clears a stance with "", and says when nothing changed', () => {
    expect(s.ok(['people', 'edit', '1', 'li ming', '--stance', 'supporter']).stdout).toMatch(/^Nothing to change/);
    s.ok(['people', 'edit', '1', 'li ming', '--stance', '']);
    expect(rows("SELECT stance FROM person WHERE name = 'Li Ming'")).toEqual([[null]]);
  });

  it('refuses options an action has no use for', () => {
    expect(s.run(['people', 'add', '1', 'Zhou', '--role', 'decider', '--note', 'likes tea']).stderr).toMatch(/does not take --note/);
    expect(s.run(['people', 'milestone', '1', 'tender', '2026-03-10', '--role', 'user']).stderr).toMatch(/does not take --role/);
    expect(rows('SELECT count(*) FROM milestone')).toEqual([[0]]);
  });

  it('remove takes a person off and undo brings them back; undo names the tables in words', () => {
    expect(s.ok(['people', 'remove', '1', 'wang']).stdout).toContain('Removed Wang (main user) from #1 Org A');
    const undo = s.ok(['undo', '--yes']);
    expect(undo.stdout).not.toMatch(/contact_person|\bperson\(s\)\b(?! of)/);
    expect(undo.stdout).toContain('person(s) of an organisation');
    expect(rows("SELECT count(*) FROM person WHERE name = 'Wang'")).toEqual([[1]]);
  });

  it('remove is refused for someone a contact met: history keeps whom it met', () => {
    s.ok(['visit', '1', '--kind', 'visit', '--with', 'Wang']);
    expect(s.run(['people', 'remove', '1', 'wang']).code).toBe(2);
    expect(rows('SELECT count(*) FROM contact_person')).toEqual([[1]]);
  });
});

describe('whom each contact met', () => {
  it('contacts and show list it, in text and JSON', () => {
    expect(s.ok(['contacts', '1']).stdout).toContain('Met: Wang');
    expect(s.json<{ with?: string[] }[]>(['contacts', '1'])[0]?.with).toEqual(['Wang']);
    expect(s.ok(['show', '1']).stdout).toMatch(/visit.*Met: Wang/);
    expect(s.json<{ contacts: { with?: string[] }[] }>(['show', '1']).contacts[0]?.with).toEqual(['Wang']);
  });
});

describe('milestones', () => {
  it('are not added twice, move, and go', () => {
    s.ok(['people', 'milestone', '1', 'tender', '2026-03-10']);
    expect(s.ok(['people', 'milestone', '1', 'tender', '2026-03-10']).stdout).toMatch(/^Already recorded/);
    s.ok(['people', 'milestone', '1', 'selection', '2026-03-10']);
    expect(rows('SELECT count(*) FROM milestone')).toEqual([[2]]);
    s.ok(['people', 'milestone', '1', 'tender', '2026-03-10', '--move-to', '2026-03-12']);
    expect(rows("SELECT day FROM milestone WHERE kind = 'tender'")).toEqual([['2026-03-12']]);
    s.ok(['people', 'milestone', '1', 'selection', '2026-03-10', '--remove']);
    expect(rows('SELECT kind FROM milestone')).toEqual([['tender']]);
    expect(s.run(['people', 'milestone', '1', 'funding', '2026-03-10', '--remove']).code).toBe(2);
    const long = s.run(['people', 'milestone', '1', 'funding', '2026-03-10', '--note', 'x'.repeat(501)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/at most 500 characters/);
  });

  it('a past milestone was on its day, not overdue', () => {
    const text = s.ok(['people', '1'], { DEALER_NOW: '2026-03-20' }).stdout;
    expect(text).toMatch(/was on 2026-03-12 Thu\s+tender/);
    expect(text).not.toContain('overdue');
  });

  it('take the Chinese words shown, and list Chinese choices in Chinese', () => {
    s.ok(['people', 'milestone', '1', '资金批复', '2026-03-11'], { DEALER_LANG: 'zh' });
    const r = s.run(['people', 'milestone', '1', '开会', '2026-03-11'], { env: { DEALER_LANG: 'zh' } });
    expect(r.stderr).toContain('可用：选型会、招标、资金批复');
  });

  it('are refused on a lost account, and leave the list of one no longer an organisation', () => {
    s.ok(['add-prospect', 'Org B', '--org', 'Org B', '--phone', '13800000002', '--next', '2026-03-20']);
    s.ok(['people', 'milestone', '2', 'tender', '2026-03-03']);
    expect(s.ok(['today', '--date', '2026-03-03']).stdout).toContain('Org B');
    s.ok(['edit', '2', '--clear', 'org']);
    expect(s.ok(['today', '--date', '2026-03-03']).stdout).not.toContain('Org B');
    s.ok(['add-prospect', 'Org C', '--org', 'Org C', '--phone', '13800000003']);
    s.ok(['lost', '3', '--reason', 'bought elsewhere']);
    expect(s.run(['people', 'milestone', '3', 'tender', '2026-03-10']).stderr).toMatch(/marked lost/);
  });
});

describe("an organisation's tier", () => {
  it('is not labelled with an individual’s window, and cycle × batch is not "set by hand"', () => {
    expect(s.ok(['add-prospect', 'Org D', '--org', 'Org D', '--phone', '13800000004', '--within', '7d']).stdout).toContain(
      'A · unit account',
    );
    s.ok(['add-prospect', 'Org E', '--org', 'Org E', '--phone', '13800000005', '--cycle', 'short', '--batch', 'large']);
    const tier = s.ok(['show', '5']).stdout.split('\n').find((l) => l.includes('Tier')) ?? '';
    expect(tier).toContain("from the unit's buying: short cycle × large batches");
    expect(tier).not.toContain('set by hand');
  });
});

describe('visit --with', () => {
  it('takes one name per flag, so the id may come after it', () => {
    const v = s.json<{ id: number; with: string[] }>(['visit', '--with', 'Wang', '--with', 'li ming', '1']);
    expect(v).toMatchObject({ id: 1, with: ['Wang', 'Li Ming'] });
  });
});

describe('search', () => {
  it("finds an organisation by its people's names and phones", () => {
    s.ok(['people', 'add', '1', 'Sun Li', '--role', 'decider', '--phone', '137-1111-2222']);
    const ids = (q: string) => s.json<{ id: number }[]>(['list', '--search', q]).map((p) => p.id);
    expect(ids('13711112222')).toEqual([1]);
    expect(ids('sun li')).toEqual([1]);
  });
});
