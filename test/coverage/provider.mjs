// @vitest/coverage-v8, plus the processes the tests start. Most tests run the built CLI
// (bin/dealer.js → dist/) as a child process, which the in-process coverage never sees. While
// coverage runs, test/helpers/cli.ts hands each child NODE_V8_COVERAGE (from DEALER_CHILD_COVERAGE),
// so Node writes that process's V8 coverage into one folder as it exits. Before the report, those
// files are merged, mapped from dist/*.js back to src/*.ts through tsc's source maps, and added to
// vitest's own coverage map — so thresholds count what the CLI ran as well as what tests imported.
import v8 from '@vitest/coverage-v8';
import { mergeProcessCovs } from '@bcoe/v8-coverage';
import astV8ToIstanbul from 'ast-v8-to-istanbul';
import libCoverage from 'istanbul-lib-coverage';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAstAsync } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = pathToFileURL(join(ROOT, 'dist')).href + '/';

/** Every child's coverage of dist/, merged into one V8 process coverage. */
function childCoverage(dir) {
  let merged = { result: [] };
  let batch = [];
  const flush = () => {
    merged = mergeProcessCovs([merged, ...batch]);
    batch = [];
  };
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    let cov;
    try {
      cov = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch {
      continue; // a child killed while writing leaves half a file
    }
    batch.push({ result: cov.result.filter((s) => s.url.startsWith(DIST)) });
    if (batch.length >= 200) flush();
  }
  flush();
  return merged;
}

async function toIstanbul(script) {
  const file = new URL(script.url);
  const code = readFileSync(file, 'utf8');
  let sourceMap;
  try {
    sourceMap = JSON.parse(readFileSync(new URL(`${script.url}.map`), 'utf8'));
    sourceMap.sources = sourceMap.sources.map((s) => new URL(s, script.url).href);
  } catch {
    return {}; // built without source maps: nothing to map back to src/
  }
  return astV8ToIstanbul({
    code,
    sourceMap,
    ast: await parseAstAsync(code),
    coverage: { functions: script.functions, url: script.url },
    wrapperLength: 0,
  });
}

export default {
  ...v8,
  async getProvider() {
    const provider = await v8.getProvider();
    const dir = mkdtempSync(join(tmpdir(), 'dealer-child-coverage-'));
    // Some tests run dealer as `nobody` (permission cases): they must be able to write here too.
    chmodSync(dir, 0o1777);
    process.env.DEALER_CHILD_COVERAGE = dir;
    const generate = provider.generateCoverage.bind(provider);
    provider.generateCoverage = async (...args) => {
      const map = await generate(...args);
      const children = libCoverage.createCoverageMap({});
      for (const script of childCoverage(dir).result) children.merge(await toIstanbul(script));
      children.filter((f) => provider.isIncluded(f));
      map.merge(children);
      rmSync(dir, { recursive: true, force: true });
      return map;
    };
    return provider;
  },
};
