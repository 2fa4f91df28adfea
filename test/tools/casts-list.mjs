// Lists each `as` cast and `!` assertion in src with its expression, for working through them.
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
const files = [];
const walk = (d) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.ts')) files.push(p); } };
walk(process.argv[2] ?? 'src');
for (const f of files) {
  if (f.includes('/i18n/')) continue;
  const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    const line = () => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    if (ts.isAsExpression(n) && n.type.getText(sf) !== 'const') console.log(`as\t${f}:${line()}\t${n.getText(sf).replace(/\s+/g, ' ').slice(0, 100)}`);
    if (ts.isNonNullExpression(n)) console.log(`!\t${f}:${line()}\t${n.getText(sf).replace(/\s+/g, ' ').slice(0, 100)}`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
