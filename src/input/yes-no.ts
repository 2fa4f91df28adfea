// A yes/no answer as consultants type it, in English or Chinese.
import { usage } from '../domain/errors.js';

export function yesNo(text: string): boolean {
  const v = text.trim().toLowerCase();
  if (['y', 'yes', 'true', '1', '是', '有', '能', '对'].includes(v)) return true;
  if (['n', 'no', 'false', '0', '否', '没有', '无', '不能', '不'].includes(v)) return false;
  throw usage('badYesNo', { input: text });
}
