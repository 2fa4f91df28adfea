// Counts `x as T` (excluding `as const`) and `x!` non-null assertions in src, by AST.
// As a script: `node test/tools/casts.mjs [dir] [-v]`; as a module: countCasts(dir).
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `as` and `!` in every .ts file under root: totals outside and inside i18n, and per file. */
export function countCasts(root = 'src') {
  const files = [];
  const walk = (d) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.ts')) files.push(p); } };
  walk(root);
  const per = {};
  let as = 0, bang = 0, asI = 0, bangI = 0;
  for (const f of files) {
    const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
    let a = 0, b = 0;
    const visit = (n) => {
      if (ts.isAsExpression(n) && !(ts.isTypeReferenceNode(n.type) && n.type.typeName.getText(sf) === 'const')) a++;
      if (ts.isTypeAssertionExpression?.(n)) a++;
      if (ts.isNonNullExpression(n)) b++;
      ts.forEachChild(n, visit);
    };
    visit(sf);
    if (f.includes('/i18n/')) { asI += a; bangI += b; } else { as += a; bang += b; }
    if (a || b) per[f] = [a, b];
  }
  return { as, bang, asI, bangI, per };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { as, bang, asI, bangI, per } = countCasts(process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : 'src');
  if (process.argv.includes('-v')) for (const [f, [a, b]] of Object.entries(per).sort((x, y) => y[1][0] + y[1][1] - x[1][0] - x[1][1])) console.log(`${a}\t${b}\t${f}`);
  console.log(`src excluding i18n: as=${as} !=${bang}; i18n: as=${asI} !=${bangI}`);
}
