// Module hooks that record every module the process resolves, for the start-up test.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  if (process.env.DEALER_TRACE_FILE) appendFileSync(process.env.DEALER_TRACE_FILE, `${found.url}\n`);
  return found;
}
