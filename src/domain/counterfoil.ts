import type { Calendar } from './calendar.ts';
import type { CaseState } from './case.ts';
import { fieldError } from './error.ts';
import type { DepartmentId } from './ids.ts';
import { addDays, beijingDate, daysInMonth, parts, type LocalDate } from './local-date.ts';
import type { Bilingual } from './text.ts';

/**
 * The birth certificate's counterfoils (副页 / 第二联) on their way from the hospital, in batches,
 * hop by hop along the region's route: which certificates travel, how they are grouped and when a
 * batch is due, and a batch's life from assembled to acknowledged line by line, with each
 * discrepancy followed up. Pure: the store keeps batches, the engine reads the time.
 */

/** The region's terms, as the policy states them (policy.counterfoilTransfer). */
export interface TransferTerms {
  route: readonly RouteStep[];
  schedule:
    { kind: 'monthly'; byDay: number; holidayDelayDays: number } | { kind: 'periodic'; note: Bilingual };
}

/** policy.certificateHandover: what the family gets when the registration fails. */
export interface HandoverTerms {
  registrationFailed?: 'main-page' | 'main-and-counterfoil' | undefined;
}

/**
 * Who a step of a route is, as the policy states it: one department's organisation in a county (the
 * baby's registering county, the county of the birth, or the sender's own), or a receiver off the
 * platform (the state archives, Anhui 004 附件2 二 2), whose check comes back on the signed sheet and
 * is recorded by the sender.
 */
export type Party =
  | { kind: 'department'; department: DepartmentId; county: 'registering' | 'birth' | 'sender' }
  | { kind: 'off-platform'; county: 'birth' };

export interface RouteStep {
  name: Bilingual;
  party: Party;
}

export interface Hop {
  index: number;
  from: Bilingual;
  to: Bilingual;
  sender: Party;
  receiver: Party;
}

export function hopsOf(terms: TransferTerms): Hop[] {
  return terms.route.slice(1).map((to, i) => ({
    index: i,
    from: terms.route[i]!.name,
    to: to.name,
    sender: terms.route[i]!.party,
    receiver: to.party,
  }));
}

/** The departments whose organisations a region's route needs, besides the hospital. */
export function routeDepartments(terms: TransferTerms): DepartmentId[] {
  return [...new Set(terms.route.flatMap(({ party: p }) => (p.kind === 'department' ? [p.department] : [])))];
}

/** One certificate's counterfoil, with what its line on the sheet prints. */
export interface Counterfoil {
  caseId: string;
  certificateNumber: string;
  /** When the certificate was issued. */
  issuedAt: string;
  /** From when the counterfoil may travel (issued, or cut once the registration succeeded). */
  readyAt: string;
  institution: string | null;
  birthCounty: string | null;
  registeringCounty: string | null;
  babyName: string;
  sex: 'male' | 'female';
  birthDate: LocalDate;
  motherName: string;
}

type Form = {
  baby?: { name?: string; sex?: 'male' | 'female'; bornAt?: string; birthPlace?: Record<string, string> };
  mother?: { name?: string };
  registering?: { hukouDivisionCode?: string | null };
};

/**
 * The counterfoil of a case's certificate, if it travels: the certificate was issued through the
 * platform, and the baby's registration is handled through it too (the registration item is in the
 * case) — otherwise the family takes the whole certificate to the police. Where the family gets the
 * counterfoil back when the registration fails (Fujian 003 附件1 三(一)2、3), it is cut, and
 * travels, only once the registration is done.
 */
export function counterfoilOf(state: CaseState, handover: HandoverTerms | undefined): Counterfoil | null {
  const certificate = state.items['birth-certificate'];
  const registration = state.items['hukou-registration'];
  const number = certificate?.outputs.certificateNumber;
  if (certificate?.status !== 'done' || !number || !certificate.decidedAt) return null;
  if (!registration || registration.status === 'cancelled') return null;
  const cutOnSuccess = handover?.registrationFailed === 'main-and-counterfoil';
  if (cutOnSuccess && (registration.status !== 'done' || !registration.decidedAt)) return null;
  const form = state.form as Form;
  const bornAt = form.baby?.bornAt;
  return {
    caseId: state.id,
    certificateNumber: number,
    issuedAt: certificate.decidedAt,
    readyAt: cutOnSuccess ? registration.decidedAt! : certificate.decidedAt,
    institution: form.baby?.birthPlace?.institutionName ?? null,
    birthCounty: form.baby?.birthPlace?.divisionCode ?? null,
    registeringCounty: form.registering?.hukouDivisionCode ?? null,
    babyName: form.baby?.name ?? state.babyName,
    sex: form.baby?.sex ?? 'male',
    birthDate: bornAt ? beijingDate(new Date(bornAt)) : '',
    motherName: form.mother?.name ?? '',
  };
}

/** The county a counterfoil is sorted by for a hop: the receiver's county. */
export function countyFor(receiver: Party, c: Counterfoil, senderCounty: string | null): string | null {
  if (receiver.county === 'registering') return c.registeringCounty;
  if (receiver.county === 'sender') return senderCounty;
  return c.birthCounty;
}

export interface Due {
  /** The last day to send it on. */
  date: LocalDate;
  /** Days added for a holiday in the window, and the holiday. */
  delayedBy: number;
  holiday: string | null;
  /** Counted on a year the calendar answers provisionally. */
  provisional: boolean;
}

/**
 * A month's batch is sent before `byDay` of the next month (Zibo 000 四(一): 每月10日前, so the 9th
 * is the last day), and "around major holidays" up to `holidayDelayDays` later. The documents do
 * not count the delay; the platform adds one day for each official holiday rest day between the
 * 1st and the due day, at most `holidayDelayDays` (October's National Day: the full week).
 */
export function monthlyDue(
  schedule: { byDay: number; holidayDelayDays: number },
  month: string,
  calendar: Calendar,
): Due {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const first = `${next}-01`;
  const plain = addDays(first, schedule.byDay - 2);
  let holidays = 0;
  let holiday: string | null = null;
  for (let d = first; d <= plain; d = addDays(d, 1)) {
    const day = calendar.describe(d);
    if (!day.working && day.name) {
      holidays++;
      // The shipped table names a day "National Day,国庆节,3"; a loaded notice, "国庆节".
      holiday ??= day.name.split(',').find((n) => /[\u4e00-\u9fff]/.test(n)) ?? day.name;
    }
  }
  const delayedBy = Math.min(schedule.holidayDelayDays, holidays);
  const date = addDays(plain, delayedBy);
  return { date, delayedBy, holiday, provisional: calendar.isProvisional(parts(date).year) };
}

export function monthOf(instant: string): string {
  return beijingDate(new Date(instant)).slice(0, 7);
}

/** A group of counterfoils not yet in a batch for this hop: what the sender assembles next. */
export interface PendingGroup {
  hop: number;
  county: string | null;
  /** Monthly: the month the counterfoils belong to ('2026-10'); periodic: null. */
  month: string | null;
  period: { from: LocalDate; to: LocalDate };
  /** Monthly: when it is due; periodic: no date (the documents set none). */
  due: Due | null;
  /** A month still running is not sent yet. */
  ready: boolean;
  overdue: boolean;
  counterfoils: Counterfoil[];
}

/**
 * Counterfoils waiting for a hop, grouped as the region sends them: by the receiver's county, and
 * where the schedule is monthly by month too. `items` carry the county each is sorted by.
 */
export function pendingGroups(
  terms: TransferTerms,
  hop: number,
  items: { counterfoil: Counterfoil; county: string | null }[],
  today: LocalDate,
  calendar: Calendar,
): PendingGroup[] {
  const schedule = terms.schedule;
  const groups = new Map<string, { county: string | null; month: string | null; cs: Counterfoil[] }>();
  for (const { counterfoil, county } of items) {
    const month = schedule.kind === 'monthly' ? monthOf(counterfoil.readyAt) : null;
    const key = `${county ?? ''}|${month ?? ''}`;
    const g = groups.get(key) ?? { county, month, cs: [] };
    g.cs.push(counterfoil);
    groups.set(key, g);
  }
  const current = today.slice(0, 7);
  return [...groups.values()]
    .map(({ county, month, cs }): PendingGroup => {
      const counterfoils = [...cs].sort(
        (a, b) =>
          a.issuedAt.localeCompare(b.issuedAt) || a.certificateNumber.localeCompare(b.certificateNumber),
      );
      if (schedule.kind === 'monthly' && month) {
        const { year, month: m } = parts(`${month}-01`);
        const due = monthlyDue(schedule, month, calendar);
        return {
          hop,
          county,
          month,
          period: { from: `${month}-01`, to: `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}` },
          due,
          ready: month < current,
          overdue: today > due.date,
          counterfoils,
        };
      }
      const dates = counterfoils.map((c) => beijingDate(new Date(c.issuedAt))).sort();
      return {
        hop,
        county,
        month: null,
        period: { from: dates[0]!, to: dates.at(-1)! },
        due: null,
        ready: true,
        overdue: false,
        counterfoils,
      };
    })
    .sort(
      (a, b) =>
        (a.month ?? '').localeCompare(b.month ?? '') || (a.county ?? '').localeCompare(b.county ?? ''),
    );
}

export type BatchStatus =
  'assembled' | 'sent' | 'acknowledged' | 'acknowledged-with-discrepancies' | 'discrepancies-resolved';
export type LineStatus = 'pending' | 'received' | 'missing' | 'mismatched';
export type CheckStatus = Exclude<LineStatus, 'pending'>;
/** How the sender followed a discrepancy up: found and handed over again, the record corrected, or explained. */
export type FollowUpKind = 'resent' | 'corrected' | 'explained';

export interface LineCheck {
  caseId: string;
  status: CheckStatus;
  note?: string | null | undefined;
}

const LINES = { zh: '逐份核对', en: 'Line checks' };
const NOTE = { zh: '核对说明', en: 'Note on the check' };
const FOLLOW_UP = { zh: '跟进处理', en: 'Follow-up' };

export function checkSendable(status: BatchStatus): void {
  if (status !== 'assembled')
    throw fieldError(
      'CONFLICT',
      'status',
      { zh: '本批次已送出，不能再次送出', en: 'this batch has been sent already' },
      {},
      { zh: '批次', en: 'Batch' },
    );
}

/**
 * The receiver's line-by-line acknowledgement of a sent batch: every line once, a mismatch with
 * what it found. The batch is acknowledged, or acknowledged with discrepancies for the sender to
 * follow up.
 */
export function acknowledgement(
  batch: { status: BatchStatus; lines: { caseId: string }[] },
  checks: LineCheck[],
): { status: BatchStatus; checks: LineCheck[] } {
  if (batch.status !== 'sent')
    throw fieldError(
      'CONFLICT',
      'lines',
      batch.status === 'assembled'
        ? { zh: '本批次尚未送出', en: 'this batch has not been sent yet' }
        : { zh: '本批次已经确认接收', en: 'this batch has been acknowledged already' },
      {},
      LINES,
    );
  const byCase = new Map<string, LineCheck>();
  for (const c of checks) {
    if (!batch.lines.some((l) => l.caseId === c.caseId) || byCase.has(c.caseId))
      throw fieldError(
        'INVALID_INPUT',
        'lines',
        { zh: '含有不属于本批次或重复的一行', en: 'a line is not in this batch or appears twice' },
        {},
        LINES,
      );
    const note = c.note?.trim() || null;
    if (c.status === 'mismatched' && !note)
      throw fieldError(
        'INVALID_INPUT',
        'lines.note',
        { zh: '标为“不一致”的，请写明哪里不一致', en: 'say what does not match' },
        {},
        NOTE,
      );
    byCase.set(c.caseId, { caseId: c.caseId, status: c.status, note });
  }
  const missing = batch.lines.length - byCase.size;
  if (missing > 0)
    throw fieldError(
      'INVALID_INPUT',
      'lines',
      {
        zh: `还有 ${missing} 份未核对，请逐份确认已接收、缺失或不一致`,
        en: `${missing} line(s) not checked yet: mark each received, missing or not matching`,
      },
      {},
      LINES,
    );
  const ordered = batch.lines.map((l) => byCase.get(l.caseId)!);
  const discrepancies = ordered.some((c) => c.status !== 'received');
  return { status: discrepancies ? 'acknowledged-with-discrepancies' : 'acknowledged', checks: ordered };
}

/**
 * The sender's follow-up of one discrepancy, with a note; once every discrepancy has one, the
 * batch's discrepancies are resolved.
 */
export function followUp(
  batch: { status: BatchStatus; lines: { caseId: string; status: LineStatus; followedUp: boolean }[] },
  caseId: string,
  note: string,
): { status: BatchStatus } {
  const line = batch.lines.find((l) => l.caseId === caseId);
  if (
    !line ||
    line.status === 'received' ||
    line.status === 'pending' ||
    batch.status !== 'acknowledged-with-discrepancies'
  )
    throw fieldError(
      'CONFLICT',
      'caseId',
      { zh: '这一行没有待跟进的差异', en: 'this line has no open discrepancy' },
      {},
      FOLLOW_UP,
    );
  if (line.followedUp)
    throw fieldError(
      'CONFLICT',
      'caseId',
      { zh: '这一差异已经跟进', en: 'this discrepancy has been followed up' },
      {},
      FOLLOW_UP,
    );
  if (!note.trim())
    throw fieldError(
      'INVALID_INPUT',
      'note',
      { zh: '请写明如何处理', en: 'say how it was resolved' },
      {},
      FOLLOW_UP,
    );
  const open = batch.lines.filter((l) => l.status !== 'received' && !l.followedUp && l.caseId !== caseId);
  return { status: open.length ? 'acknowledged-with-discrepancies' : 'discrepancies-resolved' };
}

/**
 * Whether a line's counterfoil is in the receiver's hands and may go on to the next hop: it arrived
 * (a mismatch arrived too, with its note), or, missing, it was found and handed over again.
 */
export function forwardable(line: { status: LineStatus; followUp: FollowUpKind | null }): boolean {
  return line.status === 'received' || line.status === 'mismatched' || line.followUp === 'resent';
}
