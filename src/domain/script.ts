// Consultation scripts (the consultant's crib sheets) are data: a small Markdown dialect, one file
// per language, that a consultant can extend or override. This module reads that format and
// personalises a topic for one prospect; it does no I/O.
//
//   # consult: Needs analysis          a topic: key, then title
//   > One line shown by `dealer script`  its summary
//   ## [safety] Safety                  a section, optionally keyed (present aspects, objections)
//   - A line to say or do               an item
//   - [budget] What budget …?           a keyed item (consultation questions)
//   <!-- a comment -->                  ignored, as are blank lines
//
// Text may use {name}, {interest}, {me}, {store} and {visited}; `--for <id>` fills them in: {name} is
// the form of address (王先生), {visited} the day they came in said as a person says it (昨天).

import { daysBetween, type Day } from './dates.js';

export interface ScriptItem {
  key?: string;
  text: string;
}

export interface ScriptSection {
  key?: string;
  title: string;
  items: ScriptItem[];
}

export interface Topic {
  key: string;
  title: string;
  summary: string;
  sections: ScriptSection[];
  /** Where it was read from, for messages. */
  file: string;
}

export const PLACEHOLDERS = ['name', 'interest', 'me', 'store', 'visited'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export class ScriptFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: 'badLine' | 'noTopic' | 'noSection' | 'badKey' | 'placeholder' | 'duplicate' | 'empty',
    readonly detail = '',
  ) {
    super(`${file}:${line}: ${problem} ${detail}`);
    this.name = 'ScriptFormatError';
  }
}

const KEY = /^[a-z][a-z0-9_-]*$/;
const KEYED = /^\[([^\]]*)\]\s*(.*)$/;

function keyed(text: string, file: string, line: number): { key?: string; text: string } {
  const m = KEYED.exec(text);
  if (!m) return { text };
  const [, key = '', rest = ''] = m;
  if (!KEY.test(key)) throw new ScriptFormatError(file, line, 'badKey', key);
  return { key, text: rest };
}

function checkPlaceholders(text: string, file: string, line: number): void {
  for (const m of text.matchAll(/\{([^}]*)\}/g)) {
    if (!PLACEHOLDERS.some((p) => p === m[1])) throw new ScriptFormatError(file, line, 'placeholder', `{${m[1]}}`);
  }
}

export function parseScripts(text: string, file: string): Topic[] {
  const topics: Topic[] = [];
  let topic: Topic | undefined;
  let section: ScriptSection | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (line === '' || /^<!--.*-->$/.test(line)) return;
    if (line.startsWith('## ')) {
      if (!topic) throw new ScriptFormatError(file, n, 'noTopic');
      const { key, text: title } = keyed(line.slice(3).trim(), file, n);
      checkPlaceholders(title, file, n);
      section = { key, title, items: [] };
      topic.sections.push(section);
    } else if (line.startsWith('# ')) {
      const [, rawKey, rawTitle = ''] = /^#\s+([^:]+):\s*(.+)$/.exec(line) ?? [];
      const key = rawKey?.trim() ?? '';
      if (!KEY.test(key)) throw new ScriptFormatError(file, n, 'badKey', line);
      if (topics.some((t) => t.key === key)) throw new ScriptFormatError(file, n, 'duplicate', key);
      topic = { key, title: rawTitle.trim(), summary: '', sections: [], file };
      section = undefined;
      topics.push(topic);
    } else if (line.startsWith('> ')) {
      if (!topic) throw new ScriptFormatError(file, n, 'noTopic');
      topic.summary = line.slice(2).trim();
    } else if (line.startsWith('- ')) {
      if (!section) throw new ScriptFormatError(file, n, topic ? 'noSection' : 'noTopic');
      const item = keyed(line.slice(2).trim(), file, n);
      if (!item.text) throw new ScriptFormatError(file, n, 'empty');
      checkPlaceholders(item.text, file, n);
      section.items.push(item);
    } else {
      throw new ScriptFormatError(file, n, 'badLine', line.slice(0, 40));
    }
  });
  return topics;
}

/**
 * A day as said in a message sent today: a thank-you goes out the day after the visit, so it says
 * "yesterday" (昨天), not "today"; a late one says "the other day".
 */
export function spokenDay(
  day: Day,
  today: Day,
  words: { today: string; yesterday: string; dayBefore: string; earlier: string },
): string {
  const n = daysBetween(day, today);
  return n <= 0 ? words.today : n === 1 ? words.yesterday : n === 2 ? words.dayBefore : words.earlier;
}

/** The day a thank-you is for: the one owed, else the last time they came in or signed. */
export function visitedOn(
  reminders: { reason: string; since: Day }[],
  contacts: { date: Day; kind: string }[],
): Day | undefined {
  const owed = reminders.find((r) => r.reason === 'thank-you');
  if (owed) return owed.since;
  const met = contacts.filter((c) => ['showroom', 'visit', 'test-drive', 'delivery'].includes(c.kind));
  return met.length ? met.reduce((a, b) => (b.date > a.date ? b : a)).date : undefined;
}

/** `consult`, or a trade's own needs analysis (`consult-real-estate`). */
export const isConsultTopic = (key: string): boolean => key === 'consult' || key.startsWith('consult-');

/** The consultation questions, in order: the keyed items of the `consult` topic. */
/** A consultation question: an item with the key its answer is stored under. */
export interface Question extends ScriptItem {
  key: string;
}

const isQuestion = (i: ScriptItem): i is Question => Boolean(i.key);

export function questions(consult: Topic | undefined): Question[] {
  return consult ? consult.sections.flatMap((s) => s.items.filter(isQuestion)) : [];
}

/** Each consultation question's text as personalised, by its key. */
export function personalQuestions(shown: ShownTopic): Record<string, string> {
  return Object.fromEntries(shown.sections.flatMap((s) => s.items.filter(isQuestion).map((i) => [i.key, i.text])));
}

export interface Personal {
  values: Partial<Record<Placeholder, string>>;
  /** Shown where a value is unknown, e.g. "[name]". */
  blanks: Record<Placeholder, string>;
  answers: Record<string, string>;
  objections: string[];
  /** Sections put first, already shown (the advice for this customer's type). */
  lead?: ShownSection[];
}

export interface ShownItem extends ScriptItem {
  answer?: string;
}

export interface ShownSection extends Omit<ScriptSection, 'items'> {
  items: ShownItem[];
  /** This section matches something the prospect said (an aspect they care about, an objection). */
  first?: boolean;
}

export interface ShownTopic extends Omit<Topic, 'sections'> {
  sections: ShownSection[];
}

/** Words that tell which of the five presentation aspects a customer's answer is about. */
const ASPECT_WORDS: Record<string, RegExp> = {
  safety: /safe|secur|airbag|abs|安全|气囊|防盗/i,
  performance: /power|perform|handl|engine|speed|fast|acceler|动力|操控|性能|加速|发动机|驾驶/i,
  comfort: /comfort|space|room|practical|quiet|seat|boot|trunk|舒适|空间|实用|安静|座椅|后备/i,
  styling: /look|styl|design|colou?r|beaut|外观|造型|颜值|设计|颜色|漂亮/i,
  value: /value|price|cost|econom|fuel|resale|money|性价比|价格|价钱|油耗|保值|省钱|划算|超值/i,
};

function fill(text: string, p: Personal): string {
  return text.replace(/\{(\w+)\}/g, (_, k: Placeholder) => p.values[k] || p.blanks[k]);
}

function rank(sections: ShownSection[], wanted: string[]): ShownSection[] {
  const hit = (s: ShownSection) => (s.key ? wanted.indexOf(s.key) : -1);
  const keyedSections = sections.filter((s) => s.key);
  const firstKeyed = sections.findIndex((s) => s.key);
  if (firstKeyed < 0 || wanted.length === 0) return sections;
  const ordered = [...keyedSections].sort((a, b) => {
    const ha = hit(a);
    const hb = hit(b);
    return (ha < 0 ? Infinity : ha) - (hb < 0 ? Infinity : hb);
  });
  const marked = ordered.map((s) => (hit(s) >= 0 ? { ...s, first: true } : s));
  const rest = sections.filter((s) => !s.key);
  // Unkeyed sections (the opening advice) stay where they were; keyed ones are re-ordered in place.
  return [...rest.slice(0, firstKeyed), ...marked, ...rest.slice(firstKeyed)];
}

/**
 * A topic for one prospect: placeholders filled; in `consult` the answered questions marked and the
 * unanswered asked first; in `present` the aspects they care about first; in `negotiate` the
 * objections they raised first.
 */
export function personalise(topic: Topic, p: Personal): ShownTopic {
  let sections: ShownSection[] = topic.sections.map((s) => ({
    ...s,
    title: fill(s.title, p),
    items: s.items.map((i) => ({
      ...i,
      text: fill(i.text, p),
      ...(i.key && p.answers[i.key] ? { answer: p.answers[i.key] } : {}),
    })),
  }));
  if (isConsultTopic(topic.key)) {
    sections = sections.map((s) => ({
      ...s,
      items: [...s.items.filter((i) => !i.answer), ...s.items.filter((i) => i.answer)],
    }));
  }
  if (topic.key === 'present') {
    // What they said matters most leads; anything else they told us breaks ties.
    const { priority = '', ...others } = p.answers;
    const said = [priority, ...Object.values(others)].join(' | ');
    const cares = Object.entries(ASPECT_WORDS)
      .map(([aspect, re]) => ({ aspect, at: said.search(re) }))
      .filter((a) => a.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((a) => a.aspect);
    sections = rank(sections, cares);
  }
  if (topic.key === 'negotiate') sections = rank(sections, p.objections);
  if (p.lead?.length) sections = [...p.lead.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, text: fill(i.text, p) })) })), ...sections];
  return { ...topic, title: fill(topic.title, p), summary: fill(topic.summary, p), sections };
}

/**
 * The first lines of a topic as shown for a prospect: what to say first, before the whole sheet is
 * needed. Consultation questions already answered are not repeated.
 */
export function openingLines(s: ShownTopic, count: number): string[] {
  return s.sections
    .flatMap((section) => section.items)
    .filter((i) => !i.answer)
    .slice(0, count)
    .map((i) => i.text);
}
