// An organisation's people as text: the `people` list, and the roles map `show` adds under the card —
// each role the deal needs with who holds it, then who is still unmet or against us, and the
// milestones ahead.
import { weekday, type Day } from '../domain/dates.js';
import type { Milestone, OrganisationView, Person, Role, RoleMap } from '../domain/organisation.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { columns } from './columns.js';
import { safe } from './screen.js';
import { when } from './when.js';

const roleWord = (t: Messages, role: Role) => t.word.role[role];
const names = (t: Messages, people: Person[]) =>
  people.map((p) => t.ui.personRole({ name: safe(p.name), role: roleWord(t, p.role) })).join(t.ui.listSeparator);

/** Who is still missing, unmet or against us: the lines a consultant acts on. */
function flagLines(t: Messages, map: RoleMap): string[] {
  const lines: string[] = [];
  if (map.missing.length)
    lines.push(t.ui.missingLine({ roles: map.missing.map((r) => roleWord(t, r)).join(t.ui.listSeparator) }));
  if (map.unmet.length) lines.push(paint.yellow(t.ui.unmetLine({ names: names(t, map.unmet) })));
  if (map.opposed.length) lines.push(paint.red(t.ui.opposedLine({ names: names(t, map.opposed) })));
  return lines;
}

function milestoneLines(t: Messages, milestones: Milestone[], today: Day): string[] {
  if (milestones.length === 0) return [];
  return [
    '',
    paint.bold(t.ui.milestonesHeading),
    ...milestones.map(
      (m) => {
        // A milestone past is something that happened, not a duty overdue.
        const day = m.day < today ? t.ui.milestoneWasOn({ day: m.day, weekday: t.word.weekday[weekday(m.day)] }) : when(t, m.day, today);
        return `  ${day}  ${t.word.milestone[m.kind]}${m.note ? ` — ${safe(m.note)}` : ''}`;
      },
    ),
  ];
}

const metText = (t: Messages, p: Person) => (p.lastMet ? t.ui.lastMet({ date: p.lastMet }) : t.ui.neverMet);

/** `dealer people <org-id>`: everyone by role, then what to act on. */
export function peopleView(t: Messages, v: OrganisationView, today: Day, width?: number): string {
  const lines = [paint.bold(t.ui.peopleOf({ id: v.id, name: safe(v.name), shape: t.word.shape[v.shape] }))];
  if (v.reserve) lines.push(paint.dim(t.ui.reserveAccount));
  const needed = v.roles.roles.filter((r) => r.needed).map((r) => roleWord(t, r.role));
  if (v.people.length === 0) {
    lines.push(t.ui.noPeople({ id: v.id }), t.ui.rolesNeeded({ shape: t.word.shape[v.shape], roles: needed.join(t.ui.listSeparator) }));
  } else {
    const { role, name, phone, stance, met } = t.ui.col;
    lines.push(
      columns(
        [
          { header: role ?? '' },
          { header: name ?? '', max: 24 },
          { header: phone ?? '', whole: true },
          { header: stance ?? '' },
          { header: met ?? '', flex: true },
        ],
        v.roles.roles.flatMap((slot) =>
          slot.people.length === 0
            ? [[roleWord(t, slot.role), { text: t.ui.nobodyYet, style: paint.dim }, '', '', '']]
            : slot.people.map((p) => [
                roleWord(t, p.role),
                p.name,
                p.phone ?? '',
                p.stance ? t.word.stance[p.stance] : '',
                metText(t, p),
              ]),
        ),
        { width, style: paint.dim },
      ),
    );
    const flags = flagLines(t, { ...v.roles, missing: [] });
    if (flags.length) lines.push('', ...flags);
  }
  lines.push(...milestoneLines(t, v.milestones, today));
  return lines.join('\n');
}

/** The roles map under `show`'s card. */
export function rolesSection(t: Messages, v: OrganisationView, today: Day): string {
  const lines = ['', paint.bold(t.ui.peopleHeading({ count: v.people.length }))];
  if (v.reserve) lines.push(`  ${paint.dim(t.ui.reserveAccount)}`);
  if (v.people.length === 0) lines.push(`  ${t.ui.noPeople({ id: v.id })}`);
  for (const slot of v.roles.roles) {
    const who = slot.people.length
      ? slot.people
          .map((p) => {
            const about = [p.stance ? t.word.stance[p.stance] : '', metText(t, p)].filter(Boolean);
            const text = t.ui.personRole({ name: safe(p.name), role: about.join(t.ui.listSeparator) });
            return p.stance === 'opponent' ? paint.red(text) : p.met === 0 ? paint.yellow(text) : text;
          })
          .join(t.ui.listSeparator)
      : paint.dim(t.ui.nobodyYet);
    lines.push(`  ${roleWord(t, slot.role)}${t.word.colon}${who}`);
  }
  if (v.people.length) lines.push(...flagLines(t, v.roles).map((l) => `  ${l}`));
  lines.push(...milestoneLines(t, v.milestones, today));
  return lines.join('\n');
}
