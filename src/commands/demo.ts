// dealer demo: a realistic sample book in a file of its own, beside the real one and never it, so a
// newcomer can try every command in their first minute. Built through the same rules as real use.
import { readBack } from '../actions/read-back.js';
import { dirname, join, resolve } from 'node:path';
import { closeLost, closeWon, recordContact } from '../actions/record-contact.js';
import type { Context } from '../context.js';
import type { Run } from '../specs.js';
import { addDays, stampOf, type Day } from '../domain/dates.js';
import { usage } from '../domain/errors.js';
import { normalisePhones } from '../domain/phone.js';
import { firstCallback } from '../domain/schedule.js';
import { tierForDate } from '../domain/tier.js';
import { SOURCES, type Kind, type Stage } from '../domain/vocab.js';
import { openBook, write } from '../store/db.js';
import { saveAnswers } from '../store/answers.js';
import { createDemoFile, removeDemo, replaceableDemo } from '../store/demo.js';
import { insertProspect } from '../store/prospects.js';
import { readSettings } from '../store/settings.js';
import { isSameFile, vetTarget } from '../store/target.js';

const NAMES = [
  '王磊',
  'Emma Clarke',
  '李娜',
  'James Wong',
  '张伟',
  'Olivia Chen',
  '刘洋',
  'Noah Patel',
  '陈静',
  'Sophie Martin',
  '杨帆',
  'Liam Murphy',
  '赵敏',
  'Ava Thompson',
  '黄晓明',
  'Lucas Silva',
  '周杰',
  'Mia Johnson',
  '吴婷',
  'Ethan Brown',
  '徐强',
  'Isla Walker',
  '孙丽',
  'Leo Garcia',
  '马超',
  'Grace Kim',
  '朱琳',
  'Oscar Davies',
  '胡军',
  'Chloe Nguyen',
  '何雪',
  'Henry Wilson',
  '林峰',
  'Zoe Taylor',
  '高远',
  'Jack Lee',
  '罗娟',
  'Amelia Scott',
  '郑浩',
  'Ruby Evans',
];
const ORGS: Record<number, string> = {
  4: '华东物流有限公司',
  11: 'Harbour Logistics Ltd',
  24: '市第一人民医院',
  33: 'Greenfield Schools',
};
const MODELS = ['A6L 2.0T', 'Q5L', 'A4L', 'Q3', 'Q7', 'e-tron', 'A3 Sportback', 'Q2L'];
const NOTES = [
  'Wants silver, asked about financing',
  '想要白色，问了贷款方案',
  'Comparing with a BMW X3',
  '周末带家人来试驾',
  'Asked for the best price',
  '要和爱人商量一下',
  'Needs it before the school term',
  '关心油耗和保养费用',
];
const WINDOWS = [5, 20, 25, 60, 75, 150, 170];

/** A small deterministic generator: the same sample book every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export async function demo(ctx: Context): Promise<{ path: string; prospects: number; contacts: number }> {
  const path = join(dirname(resolve(ctx.dbPath)), 'demo.db');
  if (isSameFile(path, ctx.dbPath)) throw usage('demoIsBook', { path });
  vetTarget(path, ctx.dbPath, 'demo');
  if (!replaceableDemo(path)) throw usage('demoNotMine', { path });
  removeDemo(path);
  createDemoFile(path);
  const { db } = await openBook(path, { create: true });
  const settings = readSettings(db);
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const today = ctx.today;
  const stamp = { now: ctx.stamp, today };
  let contacts = 0;

  write(db, () => {
    NAMES.forEach((name, i) => {
      const added = addDays(today, -(30 - (i % 28)));
      const expected = addDays(added, pick(WINDOWS));
      const tier = tierForDate(expected, added);
      const phone = `1${3 + (i % 6)}${String(80000000 + i * 7919).padStart(9, '0')}`;
      const org = ORGS[i];
      const id = insertProspect(
        db,
        {
          name,
          phone,
          kind: org ? 'org' : 'person',
          org: org ?? null,
          source: SOURCES[i % SOURCES.length],
          interest: pick(MODELS),
          budget: `${25 + (i % 6) * 5}0k`,
          expected,
          tier,
          tierManual: false,
          stage: 'new',
          birthday: i === 6 ? `1988-${today.slice(5)}` : null,
          nextCallback: firstCallback(settings, added),
        },
        normalisePhones(phone, 'CN'),
        stampOf(ctx.now, added),
      );
      if (i % 3 === 0)
        saveAnswers(
          db,
          id,
          { main_use: pick(['commute', 'family', 'business']), budget: `${25 + (i % 6) * 5}0k` },
          stamp.now,
        );

      // The first contact is the day they were added; after that a diligent consultant calls when
      // the callback falls due, and now and then one slips, as in any real book.
      const stages: Stage[] = ['contacted', 'consulted', 'presented', 'test-drive', 'negotiating'];
      const first: Kind = SOURCES[i % SOURCES.length] === 'walk-in' ? 'showroom' : 'call';
      recordContact(
        db,
        readBack(db, id),
        { date: added, kind: first, stage: 'contacted', note: pick(NOTES) },
        settings,
        stamp,
      );
      contacts++;
      for (let v = 1; v < 12; v++) {
        const p = readBack(db, id);
        if (!p.nextCallback || p.nextCallback >= today || rnd() < 0.1) break;
        const kind = pick(['call', 'wechat', 'showroom', 'test-drive', 'call'] as const);
        recordContact(
          db,
          p,
          { date: p.nextCallback, kind, stage: stages[Math.min(v, 4)], note: pick(NOTES) },
          settings,
          stamp,
        );
        contacts++;
      }
    });
    // The duties a real book accumulates, so each kind of item shows on today's list.
    const special = (id: number, c: { date: Day; kind: Kind; stage?: Stage; holdUntil?: Day; note: string }) => {
      recordContact(db, readBack(db, id), c, settings, stamp);
      contacts++;
    };
    special(3, { date: addDays(today, -7), kind: 'delivery', note: 'Delivered, walked through the warranty' });
    special(8, {
      date: addDays(today, -2),
      kind: 'showroom',
      stage: 'deposit',
      holdUntil: today,
      note: '付了小定，两天内补足',
    });
    special(36, { date: addDays(today, -1), kind: 'showroom', note: 'First visit, liked the Q5L' });
    closeWon(db, readBack(db, 12), addDays(today, -3), settings, stamp);
    closeLost(db, readBack(db, 20), addDays(today, -5), 'Bought a competitor model', stamp);
    closeLost(db, readBack(db, 27), addDays(today, -9), '预算不够，暂不考虑', stamp);
  });
  db.close(); // folds the WAL back in: one self-contained file, its mark in the header
  const prospects = NAMES.length;
  if (ctx.json) ctx.printJson({ path, prospects, contacts });
  else {
    const db$ = /\s/.test(path) ? `"${path}"` : path;
    ctx.print(ctx.t.ui.demoReady({ prospects, contacts, path }));
    ctx.print(ctx.t.ui.demoTry);
    for (const cmd of [
      'today',
      'show 9',
      'list --tier O',
      'script consult --for 9',
      'visit 9 --kind call --note "Booked a test drive"',
    ]) {
      ctx.print(`  dealer --db ${db$} ${cmd}`);
    }
  }
  return { path, prospects, contacts };
}

export const run: Run<'demo'> = (ctx) => demo(ctx);
