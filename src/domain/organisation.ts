// Organisations with several people (issue 14.3). A fleet deal is won by mapping 篇1's 四人两会 —
// the selector, the main user, the decision maker and their superior, and two meetings (selection,
// tender) — and a hospital deal by 篇6's department director, dean, equipment office and purchasing
// office. The rules here say which roles an organisation needs, who is still unmet or opposed, and
// how an organisation is graded.
import type { Day } from './dates.js';
import { usage } from './errors.js';
import type { Trade } from './trade.js';
import type { Prospect } from './prospect.js';
import { lookupWord, wordKey } from './vocab.js';

/** The shape of an organisation's buying: a hospital (medical trade) or any other unit buyer. */
export type Shape = 'fleet' | 'hospital';

const FLEET_ROLES = ['selector', 'user', 'decider', 'superior'] as const;
const HOSPITAL_ROLES = ['director', 'dean', 'equipment', 'purchasing'] as const;
/** Roles one may record without the deal needing them: the fleet's purchasing lead, anyone else. */
const EXTRA_ROLES = ['purchaser', 'other'] as const;
export const ROLES = [...FLEET_ROLES, ...HOSPITAL_ROLES, ...EXTRA_ROLES] as const;
export type Role = (typeof ROLES)[number];

export const STANCES = ['supporter', 'neutral', 'opponent'] as const;
export type Stance = (typeof STANCES)[number];

export const MILESTONE_KINDS = ['selection', 'tender', 'funding'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface Person {
  id: number;
  orgId: number;
  name: string;
  role: Role;
  phone: string | null;
  stance: Stance | null;
  /** The last contact they were at (`visit --with`), or null: never met. */
  lastMet: Day | null;
  /** How many contacts they were at. */
  met: number;
}

export interface Milestone {
  id: number;
  orgId: number;
  day: Day;
  kind: MilestoneKind;
  note: string | null;
}

export function shapeOf(trade: Trade): Shape {
  return trade === 'medical' ? 'hospital' : 'fleet';
}

/** The roles a deal of this shape must map, in the order the seed walks them. */
export function neededRoles(shape: Shape): readonly Role[] {
  return shape === 'hospital' ? HOSPITAL_ROLES : FLEET_ROLES;
}

/** The roles one may give a person of this shape's organisation. */
export function allowedRoles(shape: Shape): readonly Role[] {
  return shape === 'hospital' ? [...HOSPITAL_ROLES, 'other'] : [...FLEET_ROLES, ...EXTRA_ROLES];
}

// What a consultant types: the seed's words (选型人, 科室主任, 设备科长) and a sales trainer's.
const ROLE_ALIASES: Record<string, Role> = {
  'technical-gatekeeper': 'selector', gatekeeper: 'selector', 选型人: 'selector', 选型: 'selector', 技术把关人: 'selector', 把关人: 'selector',
  'main-user': 'user', 使用人: 'user', 主要使用者: 'user', 使用者: 'user', 主要使用人: 'user', 用车人: 'user',
  'decision-maker': 'decider', 决策人: 'decider', 决策者: 'decider', 拍板人: 'decider',
  boss: 'superior', 上级主管: 'superior', 上级主管人: 'superior', 上级: 'superior', 主管领导: 'superior',
  采购负责人: 'purchaser', buyer: 'purchaser',
  'department-director': 'director', 科室主任: 'director', 主任: 'director', 科主任: 'director',
  'deputy-dean': 'dean', 'dean-or-deputy-dean': 'dean', 院长: 'dean', 副院长: 'dean', 分管院长: 'dean', '院长/副院长': 'dean',
  'equipment-office': 'equipment', 设备科: 'equipment', 设备科长: 'equipment', 设备处: 'equipment',
  'purchasing-office': 'purchasing', 采购办: 'purchasing', 采购部: 'purchasing', 采购处: 'purchasing',
  其他: 'other', 其它: 'other',
};

/**
 * A role as typed, for an organisation of this shape. 采购 / purchaser means the hospital's
 * purchasing office there and the fleet's purchasing lead elsewhere.
 */
/** How a refusal lists the choices: the caller's words for them, in the consultant's language. */
export type Say = (keys: readonly string[]) => string;
const plain: Say = (keys) => keys.join(', ');

export function parseRole(input: string, shape: Shape, say: Say = plain): Role {
  const v = wordKey(input);
  const typed = input.trim();
  let role: Role | undefined = lookupWord(ROLES, ROLE_ALIASES, input);
  if (typed === '采购' || v === 'purchaser' || v === 'purchasing') role = shape === 'hospital' ? 'purchasing' : 'purchaser';
  const allowed = allowedRoles(shape);
  if (role === undefined || !allowed.includes(role))
    throw usage('badRole', { input, choices: say(allowed) });
  return role;
}

const STANCE_ALIASES: Record<string, Stance> = {
  support: 'supporter', for: 'supporter', 支持: 'supporter', 支持者: 'supporter', 支持我们: 'supporter',
  neutral: 'neutral', 中立: 'neutral',
  oppose: 'opponent', opposed: 'opponent', against: 'opponent', 反对: 'opponent', 反对者: 'opponent',
};

export function parseStance(input: string, say: Say = plain): Stance {
  const hit = lookupWord(STANCES, STANCE_ALIASES, input);
  if (!hit) throw usage('badStance', { input, choices: say(STANCES) });
  return hit;
}

const MILESTONE_ALIASES: Record<string, MilestoneKind> = {
  'selection-meeting': 'selection', 选型会: 'selection', 选型: 'selection',
  'tender-date': 'tender', bid: 'tender', 招标: 'tender', 招标会: 'tender', 采购会: 'tender', 评标: 'tender', 开标: 'tender',
  采购招标会: 'tender', 评标会: 'tender', 开标会: 'tender', 招标日: 'tender', 选型评标会: 'tender',
  'funding-approved': 'funding', budget: 'funding', 资金: 'funding', 资金到位: 'funding', 经费: 'funding', 立项: 'funding', 预算批复: 'funding',
  资金批复: 'funding', 经费批复: 'funding', 资金审批: 'funding',
};

export function parseMilestoneKind(input: string, say: Say = plain): MilestoneKind {
  const hit = lookupWord(MILESTONE_KINDS, MILESTONE_ALIASES, input);
  if (!hit) throw usage('badMilestone', { input, choices: say(MILESTONE_KINDS) });
  return hit;
}

/**
 * Days ahead a milestone is on the list: the day before, to prepare (as an appointment's confirmation
 * call), and the day itself.
 */
export const MILESTONE_NOTICE = 1;

/** A milestone reminds on its day: one already past would never show. */
export function checkMilestoneDay(day: Day, today: Day): Day {
  if (day < today) throw usage('milestoneInPast', { date: day, today });
  return day;
}

// Longer names are refused: a person's name, not a paste of a whole document.
const NAME_MAX = 100;

// Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) are invisible: pasted from a chat they
// would make "Li Ming" and "Li\u200bMing" two people.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * A person's name as stored: zero-width characters out, runs of spaces one space, trimmed; not
 * empty, no control characters (they would reach a terminal).
 */
export function personName(input: string): string {
  const name = input.replace(INVISIBLE, '').trim();
  if (name === '') throw usage('emptyPersonName');
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name) || name.length > NAME_MAX)
    throw usage('badPersonName', { max: NAME_MAX });
  return name.replace(/\s+/g, ' ');
}

/**
 * What two names are compared by, as a consultant types them: fullwidth letters as halfwidth
 * (NFKC: Ｌｉ is Li), letter case, invisible characters and the spaces between words do not count.
 */
const nameKey = (name: string) =>
  name.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().toLowerCase();

export const sameName = (a: string, b: string) => nameKey(a) === nameKey(b);

// A milestone's note is a line to read on the morning list, not a document.
const MILESTONE_NOTE_MAX = 500;

export function milestoneNote(input: string | undefined): string | null {
  const note = input?.trim() ?? '';
  if (note.length > MILESTONE_NOTE_MAX) throw usage('milestoneNoteTooLong', { max: MILESTONE_NOTE_MAX });
  return note || null;
}

/** The people `visit --with` names, each found among the organisation's own, or a usage error listing them. */
export function whoWasMet(people: readonly Person[], names: readonly string[], orgId: number): Person[] {
  const met: Person[] = [];
  for (const name of names) {
    const hit = people.find((p) => sameName(p.name, name));
    if (!hit)
      throw usage(people.length ? 'unknownPerson' : 'noPeopleYet', {
        id: orgId,
        input: name,
        known: people.map((p) => p.name).join(', '),
      });
    if (!met.includes(hit)) met.push(hit);
  }
  return met;
}

/** Names typed at a prompt, one line: separated by commas (，、 too) or semicolons. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,，、;；]/)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** People are recorded on an organisation only: a private buyer's family is not a buying centre. */
export function checkOrganisation(p: Pick<Prospect, 'id' | 'kind'>): void {
  if (p.kind !== 'org') throw usage('notOrganisation', { id: p.id });
}

interface RoleSlot {
  role: Role;
  /** Whether the deal of this shape needs the role mapped. */
  needed: boolean;
  people: Person[];
}

export interface RoleMap {
  shape: Shape;
  roles: RoleSlot[];
  /** Needed roles nobody holds yet. */
  missing: Role[];
  /** People never met at any contact. */
  unmet: Person[];
  opposed: Person[];
}

/** The organisation's buying centre: each needed role with its people, then any other roles held. */
export function roleMap(shape: Shape, people: readonly Person[]): RoleMap {
  const needed = neededRoles(shape);
  const held = [...new Set(people.map((p) => p.role))].filter((r) => !needed.includes(r));
  const roles = [...needed, ...held].map((role) => ({
    role,
    needed: needed.includes(role),
    people: people.filter((p) => p.role === role),
  }));
  return {
    shape,
    roles,
    missing: roles.filter((r) => r.needed && r.people.length === 0).map((r) => r.role),
    unmet: people.filter((p) => p.met === 0),
    opposed: people.filter((p) => p.stance === 'opponent'),
  };
}

/**
 * Long cycle with small batches: the seed does not track it as A, B or C. It is kept as a reserve
 * account (储备客户) on the slowest rhythm rather than refused: units change their buying.
 */
export function isReserve(p: Pick<Prospect, 'kind' | 'orgCycle' | 'orgBatch'>): boolean {
  return p.kind === 'org' && p.orgCycle === 'long' && p.orgBatch === 'small';
}

/** Everything `people` and `show` say about an organisation's buying centre. */
export interface OrganisationView {
  id: number;
  name: string;
  shape: Shape;
  people: Person[];
  roles: RoleMap;
  milestones: Milestone[];
  /** Long cycle, small batches: kept as a reserve account. */
  reserve: boolean;
}
