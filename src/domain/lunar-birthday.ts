// A birthday kept by the lunar calendar (农历三月初二), as many older customers keep theirs. It is
// stored as the lunar month and day (`03-02`); which solar day it falls on is worked out each year.
import { usage } from './errors.js';

const MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function monthNumber(text: string): number | undefined {
  const t = text.replace(/^闰/, '');
  if (/^\d{1,2}$/.test(t)) return Number(t);
  const named = MONTHS.indexOf(t);
  if (named >= 0) return named + 1;
  if (t === '一') return 1;
  if (t === '十一') return 11;
  if (t === '十二') return 12;
  const n = DIGITS.indexOf(t);
  return n > 0 ? n : undefined;
}

function dayNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  if (text.startsWith('初')) {
    const n = DIGITS.indexOf(text.slice(1));
    return n > 0 ? n : undefined;
  }
  if (text === '二十') return 20;
  if (text === '三十') return 30;
  const tens: Record<string, number> = { 十: 10, 廿: 20, 二十: 20 };
  const m = /^(十|廿|二十)(.)$/.exec(text);
  if (m) {
    const unit = DIGITS.indexOf(m[2]);
    return unit > 0 && unit < 10 ? tens[m[1]] + unit : undefined;
  }
  return undefined;
}

/**
 * "农历三月初二", "农历腊月廿三", "农历3-2" or "lunar 3-2" as the lunar month-day `03-02`;
 * undefined when the text is not a lunar birthday at all (then it is a solar one).
 */
export function parseLunarBirthday(input: string): string | undefined {
  const v = input.trim();
  const m = /^(?:农历|阴历|lunar\s*)(.+)$/i.exec(v);
  if (!m) return undefined;
  const rest = m[1].trim();
  const parts = /^(.+?)月(.+)$/.exec(rest) ?? /^(\d{1,2})[-/.](\d{1,2})$/.exec(rest);
  const month = parts && monthNumber(parts[1]);
  const day = parts && dayNumber(parts[2]);
  if (!month || !day || month > 12 || day > 30) throw usage('badBirthday', { input });
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `03-02` as a Chinese reader writes it: 农历三月初二. */
export function lunarBirthdayText(md: string): string {
  const [m, d] = md.split('-').map(Number);
  const day =
    d <= 10 ? `初${DIGITS[d]}` : d < 20 ? `十${DIGITS[d - 10]}` : d === 20 ? '二十' : d < 30 ? `廿${DIGITS[d - 20]}` : '三十';
  return `农历${MONTHS[m - 1]}月${day}`;
}
