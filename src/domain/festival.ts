// The festivals a consultant sends greetings for. Lunar ones move every year; their solar date
// comes from a converter the caller passes in (the domain does no I/O and loads no library).
import { addDays, type Day } from './dates.js';
import { usage } from './errors.js';

export interface Festival {
  key: string;
  /** What a consultant may type: 中秋, 中秋节, mid-autumn. */
  names: string[];
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
}

// Only days people send wishes on: not 清明 (a day for the dead), not 七夕 (for couples).
export const FESTIVALS: Festival[] = [
  { key: 'new-year', names: ['元旦', 'new-year'], calendar: 'solar', month: 1, day: 1 },
  { key: 'spring', names: ['春节', '过年', '新春', 'spring', 'chinese-new-year'], calendar: 'lunar', month: 1, day: 1 },
  { key: 'lantern', names: ['元宵', '元宵节', 'lantern'], calendar: 'lunar', month: 1, day: 15 },
  { key: 'labour', names: ['劳动节', '五一', 'labour', 'labor'], calendar: 'solar', month: 5, day: 1 },
  { key: 'dragon-boat', names: ['端午', '端午节', 'dragon-boat'], calendar: 'lunar', month: 5, day: 5 },
  { key: 'mid-autumn', names: ['中秋', '中秋节', 'mid-autumn'], calendar: 'lunar', month: 8, day: 15 },
  { key: 'national', names: ['国庆', '国庆节', '十一', 'national'], calendar: 'solar', month: 10, day: 1 },
  { key: 'double-ninth', names: ['重阳', '重阳节', 'double-ninth'], calendar: 'lunar', month: 9, day: 9 },
];

export function findFestival(input: string): Festival {
  const v = input.trim().toLowerCase();
  const f = FESTIVALS.find((x) => x.names.some((n) => n.toLowerCase() === v));
  if (!f) throw usage('unknownFestival', { input, choices: FESTIVALS.map((x) => x.names[0]).join('、') });
  return f;
}

/** Lunar year, month, day → the solar day. */
export type LunarToSolar = (year: number, month: number, day: number) => Day;

/** The festival's next day on or after `today`. */
export function nextOccurrence(f: Festival, today: Day, toSolar: LunarToSolar): Day {
  const year = Number(today.slice(0, 4));
  for (const y of [year - 1, year, year + 1]) {
    const day =
      f.calendar === 'solar'
        ? `${y}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`
        : toSolar(y, f.month, f.day);
    if (day >= today) return day;
  }
  return addDays(today, 365);
}

/** The festival coming soonest, for `dealer greet` with no name. */
export function comingFestival(today: Day, toSolar: LunarToSolar): { festival: Festival; day: Day } {
  return FESTIVALS.map((festival) => ({ festival, day: nextOccurrence(festival, today, toSolar) })).sort((a, b) =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : 0,
  )[0];
}
