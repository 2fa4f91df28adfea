// Facts about this machine's processes that every layer may ask, with no rule of dealer's in them.
import { errorCode } from '../domain/errors.js';

/** Whether a process with this id runs (EPERM: it runs, as another user): a temp file's writer. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}
