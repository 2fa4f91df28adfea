// Calendar days are 'YYYY-MM-DD' strings in the user's local time zone: they sort and compare as
// text, store as TEXT, and never shift with DST. Arithmetic goes through a UTC day number so that
// a "day" is always a calendar day.
import { DealerError, usage } from './errors.js';
import { own } from './own.js';

export type Day = string;

const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The days dealer keeps. Outside them, JavaScript's Date reads year 50 as 1950 and a year past 9999
 * needs a fifth digit that no YYYY-MM-DD reader (dealer's own import included) reads back; no
 * customer calls back in either. Every Day dealer makes passes through `fromParts` or `readDay`.
 */
export const FIRST_DAY: Day = '1900-01-01';
export const LAST_DAY: Day = '2199-12-31';
const [FIRST_YEAR, LAST_YEAR] = [Number(FIRST_DAY.slice(0, 4)), Number(LAST_DAY.slice(0, 4))];

function outOfRange(input: string): DealerError {
  return usage('dateOutOfRange', { input, first: FIRST_DAY, last: LAST_DAY });
}

/** The local calendar day of an instant. */
export function dayOf(instant: Date): Day {
  return fromParts(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

/** A moment as stored in `created`/`updated`: local time, so its first ten characters are its Day. */
export function stampOf(instant: Date, day: Day = dayOf(instant)): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day} ${two(instant.getHours())}:${two(instant.getMinutes())}:${two(instant.getSeconds())}`;
}

function fromParts(y: number, m: number, d: number): Day {
  const day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!(y >= FIRST_YEAR && y <= LAST_YEAR)) throw outOfRange(day);
  return day;
}

function toNumber(day: Day): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function fromNumber(n: number): Day {
  const date = new Date(n * MS_PER_DAY);
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The year of a YYYY-MM-DD that names a real calendar day (any year), else undefined. */
function calendarYear(text: string): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC reads years 0-99 as 1900-1999: ask a year with the same leap rule instead.
  const leapTwin = 2000 + (y % 400);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(leapTwin, mo) ? y : undefined;
}

/** A real YYYY-MM-DD within the days dealer keeps. */
export function isDay(text: string): boolean {
  const y = calendarYear(text);
  return y !== undefined && y >= FIRST_YEAR && y <= LAST_YEAR;
}

/** A YYYY-MM-DD as typed or read from a file; `input` is what to name when it is refused. */
export function readDay(text: string, input: string = text): Day {
  const y = calendarYear(text);
  if (y === undefined) throw usage('badDate', { input });
  if (y < FIRST_YEAR || y > LAST_YEAR) throw outOfRange(input);
  return text;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(day: Day, n: number): Day {
  return fromNumber(toNumber(day) + n);
}

/** Adds calendar months, clamping to the month's end (Jan 31 + 1 month = Feb 28). */
export function addMonths(day: Day, n: number): Day {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return fromParts(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return toNumber(to) - toNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return new Date(toNumber(day) * MS_PER_DAY).getUTCDay();
}

const WEEKDAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};
const ZH_WEEKDAY: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const NAMED: Record<string, number> = {
  today: 0,
  tomorrow: 1,
  yesterday: -1,
  今天: 0,
  今日: 0,
  明天: 1,
  后天: 2,
  昨天: -1,
  前天: -2,
};

/**
 * Which way a bare weekday name points: `--from mon` means the Monday just gone (or today),
 * `--next fri` the coming Friday.
 */
export type Lean = 'past' | 'future';

/**
 * Reads every date form the CLI accepts: YYYY-MM-DD, today/tomorrow/yesterday (and 今天/明天/昨天),
 * +3d / -2w / +1m / +1y, and weekday names (mon, monday, 周一, 星期一).
 * Throws a usage error naming the input when it is none of these or an impossible date.
 */
export function parseDay(input: string, today: Day, lean: Lean = 'future'): Day {
  try {
    return dayFrom(input, today, lean);
  } catch (e) {
    // `+9999y` is refused naming what was typed, not the day it would have been.
    if (e instanceof DealerError && e.code === 'dateOutOfRange') throw outOfRange(input);
    throw e;
  }
}

function dayFrom(input: string, today: Day, lean: Lean): Day {
  const text = input.trim().toLowerCase();
  if (ISO.test(text)) return readDay(text, input);
  const named = own(NAMED, text);
  if (named !== undefined) return addDays(today, named);
  const rel = /^([+-])\s*(\d{1,4})\s*([dwmy]|天|日|周|个月|月|年)$/.exec(text);
  if (rel) {
    const n = Number(rel[2]) * (rel[1] === '-' ? -1 : 1);
    switch (rel[3]) {
      case 'd':
      case '天':
      case '日':
        return addDays(today, n);
      case 'w':
      case '周':
        return addDays(today, 7 * n);
      case 'm':
      case '月':
      case '个月':
        return addMonths(today, n);
      default:
        return addMonths(today, 12 * n);
    }
  }
  const zh = /^(?:周|星期|礼拜)([日天一二三四五六])$/.exec(text);
  const target = zh ? own(ZH_WEEKDAY, zh[1] ?? '') : own(WEEKDAYS, text);
  if (target !== undefined) {
    const current = weekday(today);
    if (lean === 'past') return addDays(today, -((current - target + 7) % 7));
    return addDays(today, ((target - current + 6) % 7) + 1);
  }
  throw usage('badDate', { input });
}

/**
 * Whether a date form counts from a day (a weekday name, +3d) rather than naming one (a full date,
 * today, tomorrow): a trip's return typed so counts from its departure, not from today.
 */
export function countsFromADay(input: string): boolean {
  const text = input.trim().toLowerCase();
  return !ISO.test(text) && own(NAMED, text) === undefined;
}

/** A birthday as typed: YYYY-MM-DD, or MM-DD when the year is unknown. Stored as typed, validated. */
export function parseBirthday(input: string): string {
  const text = input.trim();
  if (isDay(text)) return text;
  const md = /^(\d{1,2})-(\d{1,2})$/.exec(text);
  if (md) {
    const m = Number(md[1]);
    const d = Number(md[2]);
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(2024, m)) {
      return `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
  }
  throw usage('badBirthday', { input });
}

/** The day a birthday falls on in a given year (29 Feb moves to 28 Feb outside leap years). */
export function birthdayIn(birthday: string, year: number): Day {
  const [m = 1, d = 1] = birthday.slice(-5).split('-').map(Number);
  return fromParts(year, m, Math.min(d, daysInMonth(year, m)));
}

/** The day a birthday falls due inside [from, to] (at most a year apart), if it does. */
export function birthdayDue(birthday: string, from: Day, to: Day): Day | null {
  for (const year of [Number(from.slice(0, 4)), Number(to.slice(0, 4))]) {
    const day = birthdayIn(birthday, year);
    if (day >= from && day <= to) return day;
  }
  return null;
}
