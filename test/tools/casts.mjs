// Counts `x as T` (excluding `as const`) and `x!` non-null assertions in src, by AST.
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
const root = process.argv[2] ?? 'src';
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
if (process.argv.includes('-v')) for (const [f, [a, b]] of Object.entries(per).sort((x, y) => y[1][0] + y[1][1] - x[1][0] - x[1][1])) console.log(`${a}\t${b}\t${f}`);
console.log(`src excluding i18n: as=${as} !=${bang}; i18n: as=${asI} !=${bangI}`);
