import { describe, expect, it } from 'vitest';
import {
  checkMilestoneDay,
  checkOrganisation,
  isReserve,
  neededRoles,
  parseMilestoneKind,
  parseRole,
  parseStance,
  personName,
  roleMap,
  shapeOf,
  whoWasMet,
  type Person,
} from '../../src/domain/organisation.js';

const person = (id: number, name: string, role: Person['role'], more: Partial<Person> = {}): Person => ({
  id,
  orgId: 7,
  name,
  role,
  phone: null,
  stance: null,
  lastMet: null,
  met: 0,
  ...more,
});

const usageError = (code: string) => expect.objectContaining({ code, exitCode: 2 });

describe('the roles an organisation needs', () => {
  it('a hospital for the medical trade, a unit buyer (四人两会) for every other', () => {
    expect(shapeOf('medical')).toBe('hospital');
    for (const trade of ['car', 'real-estate', 'insurance', 'travel'] as const) expect(shapeOf(trade)).toBe('fleet');
    expect(neededRoles('hospital')).toEqual(['director', 'dean', 'equipment', 'purchasing']);
    expect(neededRoles('fleet')).toEqual(['selector', 'user', 'decider', 'superior']);
  });

  it.each([
    ['科室主任', 'hospital', 'director'],
    ['副院长', 'hospital', 'dean'],
    ['院长/副院长', 'hospital', 'dean'],
    ['设备科', 'hospital', 'equipment'],
    ['采购办', 'hospital', 'purchasing'],
    ['采购', 'hospital', 'purchasing'],
    ['Equipment Office', 'hospital', 'equipment'],
    ['技术把关人', 'fleet', 'selector'],
    ['technical gatekeeper', 'fleet', 'selector'],
    ['使用者', 'fleet', 'user'],
    ['决策人', 'fleet', 'decider'],
    ['上级主管', 'fleet', 'superior'],
    ['采购', 'fleet', 'purchaser'],
    ['purchasing', 'fleet', 'purchaser'],
    ['其他', 'fleet', 'other'],
  ] as const)('reads %s at a %s as %s', (input, shape, role) => expect(parseRole(input, shape)).toBe(role));

  it("refuses a role of the other shape, or none, listing this shape's", () => {
    expect(() => parseRole('dean', 'fleet')).toThrow(usageError('badRole'));
    expect(() => parseRole('决策人', 'hospital')).toThrow(usageError('badRole'));
    expect(() => parseRole('janitor', 'hospital')).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ choices: 'director, dean, equipment, purchasing, other' }) }),
    );
  });

  it('reads stances and milestones in either language', () => {
    expect(parseStance('反对')).toBe('opponent');
    expect(parseStance(' Supporter ')).toBe('supporter');
    expect(() => parseStance('maybe')).toThrow(usageError('badStance'));
    expect(parseMilestoneKind('招标')).toBe('tender');
    expect(parseMilestoneKind('selection meeting')).toBe('selection');
    expect(parseMilestoneKind('资金到位')).toBe('funding');
    expect(() => parseMilestoneKind('party')).toThrow(usageError('badMilestone'));
  });
});

describe('who is unmet or opposed', () => {
  const people = [
    person(1, 'Dr Wang', 'director', { met: 2, lastMet: '2026-03-02', stance: 'supporter' }),
    person(2, 'Dean Li', 'dean', { met: 1, lastMet: '2026-03-01' }),
    person(3, 'Zhao', 'equipment', { stance: 'opponent' }),
    person(4, 'Nurse Sun', 'other'),
  ];

  it('maps each needed role, flags the empty ones, the never met and the opponents', () => {
    const map = roleMap('hospital', people);
    expect(map.roles.map((r) => [r.role, r.needed, r.people.map((p) => p.name)])).toEqual([
      ['director', true, ['Dr Wang']],
      ['dean', true, ['Dean Li']],
      ['equipment', true, ['Zhao']],
      ['purchasing', true, []],
      ['other', false, ['Nurse Sun']],
    ]);
    expect(map.missing).toEqual(['purchasing']);
    expect(map.unmet.map((p) => p.name)).toEqual(['Zhao', 'Nurse Sun']);
    expect(map.opposed.map((p) => p.name)).toEqual(['Zhao']);
  });

  it('an organisation with nobody yet needs every role', () => {
    expect(roleMap('fleet', []).missing).toEqual(['selector', 'user', 'decider', 'superior']);
  });

  it('finds whom a visit met by name, ignoring case and spaces, once each', () => {
    expect(whoWasMet(people, [' dr wang', 'Zhao', 'DR WANG'], 7).map((p) => p.id)).toEqual([1, 3]);
  });

  it("refuses a name not among the organisation's people, listing them", () => {
    expect(() => whoWasMet(people, ['Dr Wang', 'Ghost'], 7)).toThrow(
      expect.objectContaining({
        code: 'unknownPerson',
        exitCode: 2,
        params: { id: 7, input: 'Ghost', known: 'Dr Wang, Dean Li, Zhao, Nurse Sun' },
      }),
    );
    expect(() => whoWasMet([], ['Dr Wang'], 7)).toThrow(usageError('noPeopleYet'));
  });
});

describe('names and accounts', () => {
  it('keeps a name as typed, trimmed; refuses an empty one or one with control characters', () => {
    expect(personName('  王主任 ')).toBe('王主任');
    expect(() => personName('   ')).toThrow(usageError('emptyPersonName'));
    expect(() => personName('Wang\u001b[2J')).toThrow(usageError('badPersonName'));
    expect(() => personName('Wang\nLi')).toThrow(usageError('badPersonName'));
    expect(() => personName('x'.repeat(101))).toThrow(usageError('badPersonName'));
  });

  it('has people on organisations only', () => {
    expect(() => checkOrganisation({ id: 3, kind: 'person' })).toThrow(usageError('notOrganisation'));
    expect(() => checkOrganisation({ id: 3, kind: 'org' })).not.toThrow();
  });

  it('keeps long cycle + small batches as a reserve account', () => {
    expect(isReserve({ kind: 'org', orgCycle: 'long', orgBatch: 'small' })).toBe(true);
    expect(isReserve({ kind: 'org', orgCycle: 'long', orgBatch: 'large' })).toBe(false);
    expect(isReserve({ kind: 'person', orgCycle: null, orgBatch: null })).toBe(false);
  });

  it('takes a milestone from today on', () => {
    expect(checkMilestoneDay('2026-03-02', '2026-03-02')).toBe('2026-03-02');
    expect(() => checkMilestoneDay('2026-03-01', '2026-03-02')).toThrow(usageError('milestoneInPast'));
  });
});
