// How a consultant addresses a customer in Chinese: by surname and 先生/女士 (王先生), never by the
// full name ("林峰您好" reads like a form letter). A form of address typed by hand wins; otherwise it
// is built from the surname and gender; without a gender the name is used as it is.
import { usage } from './errors.js';

export type Gender = 'm' | 'f';

export function parseGender(input: string): Gender {
  const v = input.trim().toLowerCase();
  if (['m', 'male', 'man', '男', '先生'].includes(v)) return 'm';
  if (['f', 'female', 'woman', '女', '女士'].includes(v)) return 'f';
  throw usage('badGender', { input });
}

// Two-character surnames common enough that 欧阳娜娜 must be 欧阳女士, not 欧女士.
const COMPOUND = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '尉迟', '长孙', '宇文', '司徒',
  '夏侯', '公孙', '端木', '申屠', '澹台', '轩辕', '西门', '南宫', '独孤', '万俟', '呼延', '闻人',
];

const HAN = /^\p{Script=Han}{2,4}$/u;

/** The surname of a Chinese name, or undefined for a name that is not two to four Han characters. */
export function surname(name: string): string | undefined {
  const n = name.trim();
  if (!HAN.test(n)) return undefined;
  const two = COMPOUND.find((c) => n.startsWith(c) && n.length > 2);
  return two ?? n[0];
}

/**
 * The form of address to use: the one given, else (in Chinese) surname + 先生/女士, else the name.
 * English has no reliable way from a Chinese name to "Mr Wang", so it keeps the name unless told.
 */
export function salutationOf(
  p: { name: string; salutation?: string | null; gender?: Gender | null },
  lang: string,
): string {
  if (p.salutation) return p.salutation;
  const family = p.gender && lang === 'zh' ? surname(p.name) : undefined;
  if (family) return `${family}${p.gender === 'm' ? '先生' : '女士'}`;
  return p.name;
}
