// The Chinese calendar, from lunar-javascript. It is loaded on first use only — by `dealer greet`
// and when the book holds a lunar birthday — so no other command pays for it at start-up.
import { createRequire } from 'node:module';
import { addDays, type Day } from '../domain/dates.js';
import type { LunarToSolar } from '../domain/festival.js';

interface LunarDate {
  getYear(): number;
  getMonth(): number;
  getDay(): number;
  getSolar(): { toYmd(): string };
}
interface LunarLib {
  Lunar: { fromYmd(y: number, m: number, d: number): LunarDate };
  Solar: { fromYmd(y: number, m: number, d: number): { getLunar(): LunarDate } };
}

let lib: LunarLib | undefined;
const load = (): LunarLib => (lib ??= createRequire(import.meta.url)('lunar-javascript') as LunarLib);

/** A lunar date's solar day; a 30th in a 29-day month falls on the month's last day. */
export const lunarToSolar: LunarToSolar = (year, month, day) => {
  const { Lunar } = load();
  try {
    return Lunar.fromYmd(year, month, day).getSolar().toYmd();
  } catch {
    return Lunar.fromYmd(year, month, day - 1).getSolar().toYmd();
  }
};

/** The solar day of a lunar birthday (`MM-DD`) falling in `[from, to]`, if any. */
export function lunarBirthdayDue(md: string, from: Day, to: Day): Day | null {
  const [m, d] = md.split('-').map(Number);
  const first = Number(from.slice(0, 4));
  for (let y = first - 1; y <= Number(to.slice(0, 4)); y++) {
    const day = lunarToSolar(y, m, d);
    if (day >= from && day <= to) return day;
  }
  return null;
}

/**
 * The birthday the scheduling rules see: a solar one as stored; a lunar one as the solar day it
 * falls on in the year around `day` (the rules read its month and day for that year).
 */
export function birthdayAround(p: { birthday: string | null; lunarBirthday: string | null }, day: Day): string | null {
  if (!p.lunarBirthday) return p.birthday;
  return lunarBirthdayDue(p.lunarBirthday, addDays(day, -182), addDays(day, 182));
}
