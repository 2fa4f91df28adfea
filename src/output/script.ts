// A script as a consultant reads it before a call: sections, lines to say, questions with the
// answers already given, and what this prospect said matters marked.
import { isConsultTopic, type ShownTopic, type Topic } from '../domain/script.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { columns, displayWidth, wrap } from './columns.js';
import { safe } from './screen.js';
import { labelOf, topicName } from '../i18n/label.js';

export function topicList(t: Messages, topics: Topic[], width?: number): string {
  return [
    paint.bold(t.ui.scriptTopics),
    columns(
      // The key is what the user types next: never cut.
      [
        { header: t.ui.col.topic, whole: true },
        { header: t.ui.col.title, max: 30 },
        { header: '', flex: true },
      ],
      topics.map((x) => [topicName(t, x.key), x.title, { text: x.summary, style: paint.dim }]),
      { width, style: paint.dim },
    ),
    '',
    ...wrap(t.ui.scriptUsage, width, 2).map((l) => paint.dim(l)),
  ].join('\n');
}

/**
 * Lines to read out wrap at spaces (between any two characters in Chinese), under their own text
 * rather than under the bullet. Stored text (a name, an answer) is made safe by `wrap`.
 */
export function renderScript(t: Messages, s: ShownTopic, who?: { id: number; name: string }, width?: number): string {
  const head = `${topicName(t, s.key)} · ${s.title}${who ? ` — ${t.ui.scriptFor({ id: who.id, name: who.name })}` : ''}`;
  const lines = [
    ...wrap(head, width, 2).map((l) => paint.bold(l)),
    ...wrap(s.summary, width, 0).map((l) => paint.dim(l)),
  ];
  const item = (mark: string, text: string, style: (x: string) => string = (x) => x) =>
    wrap(text, width && width - 4, 0).map((l, n) => `${n === 0 ? `  ${mark} ` : '    '}${style(l)}`);
  for (const section of s.sections) {
    const matters = section.first ? (labelOf(t.ui.scriptMatters, s.key) ?? t.ui.scriptMatters.default) : '';
    const title = safe(section.title);
    const heading = matters ? `${title}  ${matters}` : title;
    lines.push(
      '',
      ...(!width || displayWidth(heading) <= width
        ? [paint.bold(title) + (matters ? `  ${paint.yellow(matters)}` : '')]
        : wrap(heading, width, 2).map((l) => paint.bold(l))),
    );
    for (const it of section.items) {
      const { answer } = it;
      const answered = answer && `  ✓ ${safe(it.text)}  → ${safe(answer)}`;
      if (answer && answered && (!width || displayWidth(answered) <= width))
        lines.push(`  ${paint.green('✓')} ${paint.dim(safe(it.text))}  → ${safe(answer)}`);
      else if (it.answer) lines.push(...item(paint.green('✓'), it.text, paint.dim), ...item(' ', `→ ${it.answer}`));
      else if (it.key && isConsultTopic(s.key)) lines.push(...item('?', it.text));
      else lines.push(...item('•', it.text));
    }
  }
  return lines.join('\n');
}
