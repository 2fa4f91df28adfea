// Finds the scripts: the built-in files beside this module's source (en.md, zh.md), then the
// consultant's own in <config dir>/scripts/. A file named `<name>.<lang>.md` or `<lang>.md` is for
// that language; any other `.md` file is for both. A user topic replaces the built-in one with the
// same key. A broken file is reported and skipped: the built-in topics keep working.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScripts, ScriptFormatError, type Topic } from '../domain/script.js';
import { configDir } from '../store/files.js';

const BUILT_IN = new URL('../../src/scripts/', import.meta.url);
const LANGS = ['en', 'zh'];

export interface Loaded {
  topics: Topic[];
  problems: ScriptFormatError[];
}

function forLanguage(file: string, lang: string): boolean {
  if (!file.endsWith('.md')) return false;
  const tag = /(?:^|\.)([a-z]{2})\.md$/.exec(file)?.[1];
  return tag && LANGS.includes(tag) ? tag === lang : true;
}

export function userScriptsDir(): string {
  return join(configDir(), 'scripts');
}

export function loadScripts(lang: string, dir = userScriptsDir()): Loaded {
  const builtIn = parseScripts(readFileSync(new URL(`${lang}.md`, BUILT_IN), 'utf8'), `${lang}.md`);
  const topics = new Map(builtIn.map((t) => [t.key, t]));
  const problems: ScriptFormatError[] = [];
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => forLanguage(f, lang))
        .sort()
    : [];
  for (const f of files) {
    const path = join(dir, f);
    try {
      for (const t of parseScripts(readFileSync(path, 'utf8'), path)) topics.set(t.key, t);
    } catch (e) {
      if (e instanceof ScriptFormatError) problems.push(e);
      else problems.push(new ScriptFormatError(path, 0, 'badLine', e instanceof Error ? e.message : String(e)));
    }
  }
  return { topics: [...topics.values()], problems };
}
