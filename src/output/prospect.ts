// How a prospect reads: as JSON (the contract in SPEC §4), as one confirmation line, as a card, as
// rows of a list.
import type { Day } from '../domain/dates.js';
import type { Contact, Prospect, Reminder } from '../domain/prospect.js';
import { liveDeposit } from '../domain/deal.js';
import { lunarBirthdayText } from '../domain/lunar-birthday.js';
import { salutationOf } from '../domain/salutation.js';
import { effectiveTier } from '../domain/tier.js';
import { isCustomer } from '../domain/vocab.js';
import type { Messages } from '../i18n/en.js';
import { paint } from './color.js';
import { columns, displayWidth, padEnd, wrap } from './columns.js';
import { safe } from './screen.js';
import { relative, when } from './when.js';
import { labelOf } from '../i18n/label.js';
import { stageName } from './trade.js';

/** The prospect as stored, with the tier that applies today (a derived tier moves up as the date nears). */
export function present(p: Prospect, today: Day): Prospect {
  return { ...p, tier: effectiveTier(p, today) };
}

export function tierLabel(t: Messages, tier: string, kind?: Prospect['kind']): string {
  // An organisation's tier is its buying (cycle × batch, or a date made A at most): "within a month"
  // would misstate a unit buying next week.
  if (kind === 'org') return labelOf(t.word.orgTier, tier) ?? tier;
  return labelOf(t.word.tier, tier) ?? tier;
}

export function confirmation(t: Messages, p: Prospect, today: Day, verb: 'added' | 'updated'): string {
  const head = paint.bold(t.ui[verb]({ id: p.id, name: safe(p.name) }));
  const next = p.nextCallback ? `${t.ui.nextCallback} ${when(t, p.nextCallback, today)}` : t.ui.noCallback;
  return `${head} · ${tierLabel(t, effectiveTier(p, today), p.kind)} · ${stageName(t, p.stage, p.trade)} · ${next}`;
}

/** The form of address when it differs from the name: typed, or built from surname and gender. */
function salutationShown(t: Messages, p: Prospect): string | null {
  const s = salutationOf(p, t.lang);
  return s === p.name ? null : s;
}

function yn(t: Messages, v: boolean | null): string {
  return v === null ? t.word.unknown : v ? t.word.yes : t.word.no;
}

export function card(
  t: Messages,
  p: Prospect,
  extra: {
    contacts: Contact[];
    reminders: Reminder[];
    answers: [string, string][];
    referrer?: string;
    referrals?: { id: number; name: string; outcome: string }[];
  },
  today: Day,
  width?: number,
): string {
  const tier = effectiveTier(p, today);
  const f = t.ui.field;
  const held = liveDeposit(p.stage, p.deal, today);
  const tierNote = held
    ? t.ui.tierFromDeposit
    : p.orgCycle && p.orgBatch
      ? t.ui.tierFromOrg({
          cycle: labelOf(t.word.cycle, p.orgCycle) ?? p.orgCycle,
          batch: labelOf(t.word.batch, p.orgBatch) ?? p.orgBatch,
        })
      : p.tierManual
        ? t.ui.tierByHand
        : p.expected
          ? t.ui.tierFromDate({ date: p.expected })
          : '';
  const d = p.deal;
  const rows: [string, string | null][] = [
    [f.phone, p.phone],
    [f.wechat, p.wechat],
    [f.email, p.email],
    [f.kind, p.kind === 'org' ? `${t.word.org}${p.org ? ` · ${p.org}` : ''}` : t.word.person],
    [f.source, p.source && t.word.source[p.source]],
    [f.referredBy, p.referredBy ? `#${p.referredBy}${extra.referrer ? ` ${extra.referrer}` : ''}` : null],
    [f.interest, p.interest],
    [f.budget, p.budget],
    [f.expected, p.expected && when(t, p.expected, today)],
    [f.tier, `${tierLabel(t, tier, p.kind)}${tierNote ? ` (${tierNote})` : ''}`],
    [f.trade, p.trade && (t.word.trade[p.trade] ?? p.trade)],
    [f.stage, stageName(t, p.stage, p.trade)],
    [f.trip, p.departs && p.returns ? `${p.departs} → ${p.returns}` : null],
    [f.balanceDue, p.balanceDue],
    [f.lostReason, p.stage === 'lost' ? p.lostReason : null],
    [f.wonOn, p.wonOn],
    [
      f.deposit,
      d?.depositOn
        ? t.ui.depositTerms({
            amount: d.deposit === null ? '' : String(d.deposit),
            hold: d.holdUntil ?? '',
            topUp: d.topUp === null ? '' : String(d.topUp),
            by: d.topUpBy ?? '',
            refunded: d.refundedOn ?? '',
          })
        : null,
    ],
    [f.order, d && (d.model || d.price !== null) ? [d.model, d.price].filter((v) => v !== null).join(' · ') : null],
    [
      f.delivery,
      d && (d.delivery || d.deliveredOn)
        ? t.ui.deliveryDates({ planned: d.delivery ?? '', done: d.deliveredOn ?? '' })
        : null,
    ],
    [f.insurance, d?.insuranceUntil ? `${d.insuranceUntil}${d.renewedOn ? ` ✓ ${d.renewedOn}` : ''}` : null],
    [f.matures, d?.matures ?? null],
    [
      f.qualified,
      [p.need, p.canPay, p.decides].some((v) => v !== null)
        ? `${yn(t, p.need)} / ${yn(t, p.canPay)} / ${yn(t, p.decides)}`
        : null,
    ],
    [
      f.referred,
      extra.referrals?.length
        ? extra.referrals.map((r) => `#${r.id} ${r.name} (${labelOf(t.word.outcome, r.outcome) ?? r.outcome})`).join('; ')
        : null,
    ],
    [f.salutation, salutationShown(t, p)],
    [f.birthday, p.lunarBirthday ? lunarBirthdayText(p.lunarBirthday) : p.birthday],
    [f.note, p.note],
    [f.nextCallback, p.nextCallback ? when(t, p.nextCallback, today) : t.ui.noCallback],
    [
      f.reminders,
      extra.reminders.length ? extra.reminders.map((r) => `${t.word.reason[r.reason]} ${r.due}`).join('; ') : null,
    ],
    [f.created, p.created.slice(0, 10)],
  ];
  const shown = rows.filter((r): r is [string, string] => r[1] !== null && r[1] !== '');
  // A long value wraps under itself, so the labels stay a column of their own.
  const labelled = (pairs: [string, string][]) => {
    const w = Math.max(...pairs.map(([k]) => displayWidth(k)));
    return pairs.flatMap(([k, v]) => {
      const [first = '', ...more] = wrap(v, width && width - w - 4, 0);
      return [`  ${paint.dim(padEnd(k, w))}  ${first}`, ...more.map((l) => `${' '.repeat(w + 4)}${l.trimStart()}`)];
    });
  };
  const lines = [...wrap(`#${p.id} ${p.name}`, width, 2).map((l) => paint.bold(l)), ...labelled(shown)];
  if (extra.answers.length) {
    const answered = extra.answers.flatMap(([q, a]) =>
      !width || displayWidth(`  ${q}  ${safe(a)}`) <= width
        ? [`  ${paint.dim(safe(q))}  ${safe(a)}`]
        : [
            ...wrap(q, width - 2, 2).map((l) => `  ${paint.dim(l)}`),
            ...wrap(`→ ${a}`, width - 4, 2).map((l) => `    ${l}`),
          ],
    );
    lines.push('', paint.bold(f.answers), ...answered);
  }
  lines.push('', paint.bold(t.ui.contactsHeading({ count: extra.contacts.length })));
  if (extra.contacts.length === 0) lines.push(`  ${t.ui.noContacts({ id: p.id })}`);
  else {
    const c = t.ui.col;
    lines.push(
      columns(
        [{ header: `  ${c.date}` }, { header: c.kind }, { header: c.stage }, { header: c.note, flex: true }],
        extra.contacts.map((x) => [
          `  ${x.date}`,
          t.word.kind[x.kind],
          x.stage ? t.word.stage[x.stage] : '',
          [
            x.outcome,
            x.note,
            x.objections.length ? `[${x.objections.map((o) => labelOf(t.word.objection, o) ?? o).join(', ')}]` : '',
            x.with?.length ? t.ui.metWith({ names: x.with.map(safe).join(t.ui.listSeparator) }) : '',
          ]
            .filter(Boolean)
            .join(' — '),
        ]),
        { width, style: paint.dim },
      ),
    );
  }
  return lines.join('\n');
}

export function listTable(t: Messages, prospects: Prospect[], today: Day, width?: number): string {
  const c = t.ui.col;
  return columns(
    [
      // A phone is never cut: on a narrow screen the interest goes first, then the stage.
      { header: c.id, align: 'right', whole: true },
      { header: c.name, max: 24 },
      { header: c.phone, whole: true },
      { header: c.tier },
      { header: c.stage, drop: 2 },
      { header: c.next, drop: 3 },
      { header: c.interest, flex: true, drop: 1 },
    ],
    prospects.map((p) => [
      String(p.id),
      p.org ? `${p.name} (${p.org})` : p.name,
      p.phone ?? p.wechat ?? '',
      isCustomer(p.stage) ? t.word.customer : effectiveTier(p, today),
      stageName(t, p.stage, p.trade),
      p.nextCallback ? `${p.nextCallback} ${relative(t, p.nextCallback, today)}` : '',
      p.interest ?? '',
    ]),
    { width, style: paint.dim },
  );
}
