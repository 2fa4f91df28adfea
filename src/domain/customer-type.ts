// 篇1's customer types: readiness R1-R4 (ability × willingness) and the matching selling style
// S1-S4. Saved with the consultation answers (keys `readiness` and `style`), they decide which
// advice leads every script opened for that prospect.
import { usage } from './errors.js';
import type { ScriptItem, ShownSection, Topic } from './script.js';

export const TYPE_KEYS = ['readiness', 'style'] as const;
export type TypeKey = (typeof TYPE_KEYS)[number];

/** R2 from "R2", "r2" or "2"; S3 likewise. Anything else is refused with the choices. */
export function parseType(key: TypeKey, input: string): string {
  const letter = key === 'readiness' ? 'R' : 'S';
  const v = input.trim().toUpperCase();
  const m = new RegExp(`^${letter}?([1-4])$`).exec(v);
  if (!m) throw usage('badCustomerType', { key, input, choices: [1, 2, 3, 4].map((n) => `${letter}${n}`).join(', ') });
  return `${letter}${m[1]}`;
}

/** The customer-types lines for a readiness and a style: the style follows the readiness unless set. */
function typeLines(topic: Topic | undefined, answers: Record<string, string>): ScriptItem[] {
  const readiness = answers.readiness;
  const style = answers.style ?? (readiness ? `S${readiness.slice(1)}` : undefined);
  return [typeLine(topic, readiness), typeLine(topic, style)].filter((i): i is ScriptItem => i !== undefined);
}

/** The customer-types line for one type (R2 or S3), if the sheet has it. */
export function typeLine(topic: Topic | undefined, type: string | undefined): ScriptItem | undefined {
  if (!topic || !type) return undefined;
  return topic.sections.flatMap((s) => s.items).find((i) => i.key === type.toLowerCase());
}

/** The section that leads a script for a prospect whose type is known. */
export function typeAdvice(topic: Topic | undefined, answers: Record<string, string>, title: string): ShownSection[] {
  const items = typeLines(topic, answers);
  return items.length ? [{ key: 'customer-type', title, items }] : [];
}
