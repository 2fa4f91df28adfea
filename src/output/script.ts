// A script as a consultant reads it before a call: sections, lines to say, questions with the
// answers already given, and what this prospect said matters marked.
import type { ShownTopic, Topic } from '../domain/script.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { columns } from './columns.js';

export function topicList(t: Messages, topics: Topic[]): string {
  return [
    paint.bold(t.ui.scriptTopics),
    columns(
      [{ header: t.ui.col.topic! }, { header: t.ui.col.title! }, { header: '', flex: true }],
      topics.map((x) => [x.key, x.title, paint.dim(x.summary)]),
      { width: process.stdout.columns, style: paint.dim },
    ),
    '',
    paint.dim(t.ui.scriptUsage),
  ].join('\n');
}

export function renderScript(t: Messages, s: ShownTopic, who?: { id: number; name: string }): string {
  const head = `${s.key} · ${s.title}${who ? ` — ${t.ui.scriptFor({ id: who.id, name: who.name })}` : ''}`;
  const lines = [paint.bold(head), paint.dim(s.summary)];
  for (const section of s.sections) {
    lines.push(
      '',
      paint.bold(section.title) +
        (section.first ? `  ${paint.yellow(t.ui.scriptMatters[s.key] ?? t.ui.scriptMatters.default!)}` : ''),
    );
    for (const item of section.items) {
      if (item.answer) lines.push(`  ${paint.green('✓')} ${paint.dim(item.text)}  → ${item.answer}`);
      else if (item.key && s.key === 'consult') lines.push(`  ? ${item.text}`);
      else lines.push(`  • ${item.text}`);
    }
  }
  return lines.join('\n');
}
