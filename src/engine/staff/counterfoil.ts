import {
  acknowledgement,
  checkSendable,
  counterfoilOf,
  countyFor,
  followUp,
  forwardable,
  hopsOf,
  pendingGroups,
  type Counterfoil,
  type FollowUpKind,
  type Hop,
  type LineCheck,
  type PendingGroup,
  type TransferTerms,
} from '../../domain/counterfoil.ts';
import { fieldError } from '../../domain/error.ts';
import { beijingDate } from '../../domain/local-date.ts';
import type { Organisation } from '../../domain/organisation.ts';
import { divisionName } from '../../domain/place-names.ts';
import type { Bilingual } from '../../domain/text.ts';
import { renderTransferSheet, TRANSFER_SHEET_TITLE } from '../../documents/counterfoil-transfer-sheet.ts';
import { citationText } from '../../policy/citation-text.ts';
import { getPolicy } from '../../policies/index.ts';
import type { Queryable } from '../../store/db.ts';
import {
  batchesOf,
  batchLines,
  findBatch,
  insertBatch,
  isCounterfoilTwice,
  lockBatch,
  markSent,
  organisationFor,
  receivedForHop,
  recordAcknowledgement,
  recordFollowUp,
  staffNames,
  unbatchedCertificates,
  type BatchRow,
} from '../../store/counterfoil-store.ts';
import type { EngineDeps } from '../deps.ts';
import type { StaffContext } from './work.ts';

/**
 * Counterfoil (副页) transfer batches on the workbench: the sender sees what is due, assembles a
 * batch, prints its transfer sheet and sends it; the receiver checks it line by line; the sender
 * follows each discrepancy up. An organisation sees only its own batches and those addressed to it.
 */

function termsOf(org: Organisation): TransferTerms | undefined {
  return getPolicy(org.region).counterfoilTransfer;
}

/** The hops an organisation sends on: a hospital the first, a county health bureau the second. */
function sendsOn(org: Organisation, hop: Hop): boolean {
  return (
    hop.sender.kind === 'department' &&
    hop.sender.department === org.department &&
    (hop.index > 0 || org.institution !== null)
  );
}

const countyName = (code: string | null): Bilingual | null => (code ? divisionName(code) : null);

async function waiting(deps: EngineDeps, q: Queryable, org: Organisation, terms: TransferTerms, hop: Hop) {
  const today = beijingDate(deps.clock.now());
  let items: { counterfoil: Counterfoil; county: string | null }[];
  if (hop.index === 0) {
    const handover = getPolicy(org.region).certificateHandover;
    items = (await unbatchedCertificates(q, org))
      .map((state) => counterfoilOf(state, handover))
      .filter((c): c is Counterfoil => c !== null)
      .map((c) => ({ counterfoil: c, county: countyFor(hop.receiver, c, null) }));
  } else {
    items = (await receivedForHop(q, org.id, hop.index))
      .filter((r) => forwardable(r))
      .map((r) => ({
        // Here since the receiver checked it (or since a missing one was handed over again).
        counterfoil: { ...r.counterfoil, readyAt: new Date(r.acknowledgedAt).toISOString() },
        county: countyFor(hop.receiver, r.counterfoil, r.county),
      }));
  }
  return pendingGroups(terms, hop.index, items, today, deps.calendar);
}

/** Where a group goes: the receiving department's organisation for the county, or an off-platform receiver. */
async function receiverOf(q: Queryable, org: Organisation, hop: Hop, county: string | null) {
  if (hop.receiver.kind === 'off-platform' || !county) {
    const where = countyName(county);
    return hop.receiver.kind === 'off-platform'
      ? {
          org: null,
          name: where ? { zh: `${where.zh}${hop.to.zh}`, en: `${hop.to.en}, ${where.en}` } : hop.to,
        }
      : null;
  }
  const found = await organisationFor(q, org.region, hop.receiver.department, county);
  return found ? { org: found.id, name: found.name } : null;
}

function lineView(c: Counterfoil) {
  return {
    caseId: c.caseId,
    certificateNumber: c.certificateNumber,
    babyName: c.babyName,
    sex: c.sex,
    birthDate: c.birthDate,
    motherName: c.motherName,
    registeringCounty: countyName(c.registeringCounty),
    institution: c.institution,
    issuedAt: c.issuedAt,
  };
}

function batchSummary(b: BatchRow, org: Organisation) {
  const sender = b.senderOrg === org.id;
  return {
    id: b.id,
    hop: b.hop,
    sender: b.senderName,
    receiver: b.receiverName,
    receiverOnPlatform: b.receiverOrg !== null,
    county: countyName(b.county),
    month: b.month,
    period: { from: b.periodFrom, to: b.periodTo },
    due: b.due,
    status: b.status,
    assembledAt: b.assembledAt,
    sentAt: b.sentAt,
    acknowledgedAt: b.acknowledgedAt,
    lines: b.lineCount,
    discrepancies: b.discrepancies,
    openDiscrepancies: b.discrepancies - b.followedUp,
    role: sender ? ('sender' as const) : ('receiver' as const),
    // Off the platform, what the receiver found comes back on the signed sheet and the sender records it.
    mayAcknowledge: b.status === 'sent' && (sender ? b.receiverOrg === null : b.receiverOrg === org.id),
  };
}

/** What the organisation sends and receives: groups waiting to be assembled, and its batches both ways. */
export async function counterfoilOverview(deps: EngineDeps, ctx: StaffContext) {
  const org = ctx.organisation;
  const policy = getPolicy(org.region);
  const terms = policy.counterfoilTransfer;
  if (!terms) return { terms: null, sends: false, receives: false, pending: [], outgoing: [], incoming: [] };
  const all = hopsOf(terms);
  const hops = all.filter((h) => sendsOn(org, h));
  const receives = all.some(
    (h) => h.receiver.kind === 'department' && h.receiver.department === org.department,
  );
  const pending = [];
  for (const hop of hops) {
    for (const g of await waiting(deps, deps.db, org, terms, hop)) {
      const receiver = await receiverOf(deps.db, org, hop, g.county);
      pending.push({
        hop: g.hop,
        county: g.county,
        countyName: countyName(g.county),
        month: g.month,
        period: g.period,
        due: g.due,
        ready: g.ready,
        overdue: g.overdue,
        receiver: receiver?.name ?? null,
        lines: g.counterfoils.map(lineView),
      });
    }
  }
  const { outgoing, incoming } = await batchesOf(deps.db, org.id);
  return {
    terms: {
      route: terms.route.map((s) => s.name),
      schedule: terms.schedule,
      record: terms.record ?? null,
      signedByBoth: terms.signedByBoth,
      citation: citationText(policy, terms.citation),
    },
    sends: hops.length > 0,
    receives,
    pending,
    outgoing: outgoing.map((b) => batchSummary(b, org)),
    incoming: incoming.map((b) => batchSummary(b, org)),
  };
}

/** A batch the organisation sent or received (on its way), with its lines; otherwise not found. */
async function visibleBatch(q: Queryable, ctx: StaffContext, id: string) {
  const b = await findBatch(q, id);
  const org = ctx.organisation.id;
  if (!b || !(b.senderOrg === org || (b.receiverOrg === org && b.status !== 'assembled'))) throw notYours(id);
  return b;
}

export async function counterfoilBatch(deps: EngineDeps, ctx: StaffContext, id: string) {
  const b = await visibleBatch(deps.db, ctx, id);
  const lines = await batchLines(deps.db, id);
  return {
    ...batchSummary(b, ctx.organisation),
    lines: lines.map((l) => ({
      ...lineView(l.counterfoil),
      status: l.status,
      note: l.note,
      followUp: l.followUp,
    })),
  };
}

/**
 * Assemble the waiting group of a hop (its county, and month where monthly) into a batch. Who
 * assembles first wins; the second is told the counterfoils are in a batch already.
 */
export async function assembleBatch(
  deps: EngineDeps,
  ctx: StaffContext,
  a: { hop: number; county: string | null; month: string | null },
) {
  const org = ctx.organisation;
  const terms = termsOf(org);
  const hop = terms && hopsOf(terms).find((h) => h.index === a.hop && sendsOn(org, h));
  const none = () =>
    fieldError('NOT_FOUND', 'batch', {
      zh: '没有待移交的这一组副页',
      en: 'there are no counterfoils waiting for that batch',
    });
  if (!terms || !hop) throw none();
  try {
    const id = await deps.db.transaction(async (tx) => {
      const group: PendingGroup | undefined = (await waiting(deps, tx, org, terms, hop)).find(
        (g) => g.county === a.county && g.month === a.month,
      );
      if (!group) throw none();
      if (!group.ready)
        throw fieldError('CONFLICT', 'batch', {
          zh: '本月尚未结束，上月副页请在次月按期移交',
          en: 'the month is still running: a month’s counterfoils go in the following month',
        });
      const receiver = await receiverOf(tx, org, hop, group.county);
      if (!receiver)
        throw fieldError('CONFLICT', 'batch', {
          zh: `平台上没有${countyName(group.county)?.zh ?? ''}的${hop.to.zh}，请线下移交`,
          en: `${hop.to.en} of ${countyName(group.county)?.en ?? 'that county'} is not on the platform; hand them over offline`,
        });
      return insertBatch(tx, {
        region: org.region,
        hop: hop.index,
        senderOrg: org.id,
        receiverOrg: receiver.org,
        receiverName: receiver.name,
        county: group.county,
        month: group.month,
        period: group.period,
        due: group.due?.date ?? null,
        at: deps.clock.now(),
        by: ctx.staff.id,
        counterfoils: group.counterfoils,
      });
    });
    return counterfoilBatch(deps, ctx, id);
  } catch (e) {
    if (isCounterfoilTwice(e))
      throw fieldError('CONFLICT', 'batch', {
        zh: '其中有副页已编入另一批次（可能由同事刚刚组批），请刷新后重试',
        en: 'a counterfoil is in another batch already (a colleague may just have assembled it); reload and retry',
      });
    throw e;
  }
}

export async function sendBatch(deps: EngineDeps, ctx: StaffContext, id: string) {
  await deps.db.transaction(async (tx) => {
    await lockBatch(tx, id);
    const b = await visibleBatch(tx, ctx, id);
    if (b.senderOrg !== ctx.organisation.id) throw notYours(id);
    checkSendable(b.status);
    await markSent(tx, id, deps.clock.now(), ctx.staff.id);
  });
  return counterfoilBatch(deps, ctx, id);
}

function notYours(id: string) {
  return fieldError('NOT_FOUND', 'batch', {
    zh: `本单位没有第 ${id} 批副页`,
    en: `your organisation has no counterfoil batch ${id}`,
  });
}

/** The receiver's check of every line; off the platform, the sender records the signed sheet's. */
export async function acknowledgeBatch(deps: EngineDeps, ctx: StaffContext, id: string, checks: LineCheck[]) {
  await deps.db.transaction(async (tx) => {
    await lockBatch(tx, id);
    const b = await visibleBatch(tx, ctx, id);
    const org = ctx.organisation.id;
    const acknowledges = b.receiverOrg === org || (b.receiverOrg === null && b.senderOrg === org);
    if (!acknowledges) throw notYours(id);
    const lines = await batchLines(tx, id);
    const result = acknowledgement({ status: b.status, lines }, checks);
    await recordAcknowledgement(tx, id, { ...result, at: deps.clock.now(), by: ctx.staff.id });
  });
  return counterfoilBatch(deps, ctx, id);
}

/** The sender's follow-up of one discrepancy: found and handed over again, corrected, or explained. */
export async function followUpDiscrepancy(
  deps: EngineDeps,
  ctx: StaffContext,
  id: string,
  caseId: string,
  f: { kind: FollowUpKind; note: string },
) {
  await deps.db.transaction(async (tx) => {
    await lockBatch(tx, id);
    const b = await visibleBatch(tx, ctx, id);
    if (b.senderOrg !== ctx.organisation.id) throw notYours(id);
    const lines = (await batchLines(tx, id)).map((l) => ({ ...l, followedUp: l.followUp !== null }));
    const { status } = followUp({ status: b.status, lines }, caseId, f.note);
    await recordFollowUp(tx, id, {
      caseId,
      kind: f.kind,
      note: f.note.trim(),
      at: deps.clock.now(),
      by: ctx.staff.id,
      status,
    });
  });
  return counterfoilBatch(deps, ctx, id);
}

/** 移交记录表: the batch's transfer sheet, with the receiver's checks once it has made them. */
export async function transferSheetPdf(deps: EngineDeps, ctx: StaffContext, id: string): Promise<Buffer> {
  const b = await visibleBatch(deps.db, ctx, id);
  const lines = await batchLines(deps.db, id);
  const policy = getPolicy(b.region);
  const terms = policy.counterfoilTransfer!;
  const names = await staffNames(
    deps.db,
    [b.sentBy, b.acknowledgedBy].filter((x): x is string => !!x),
  );
  const route = terms.route.map((step, i) =>
    i === b.hop ? b.senderName.zh : i === b.hop + 1 ? b.receiverName.zh : step.name.zh,
  );
  const date = (at: Date | null) => (at ? beijingDate(new Date(at)) : null);
  const checked = b.acknowledgedAt !== null;
  return renderTransferSheet({
    title: TRANSFER_SHEET_TITLE,
    route,
    leg: b.hop,
    county: countyName(b.county)?.zh ?? null,
    period: { from: b.periodFrom, to: b.periodTo },
    handedOverOn: date(b.sentAt),
    reason: '新生儿出生“一件事”线上办理，出生医学证明副页移交',
    basis: citationText(policy, terms.citation),
    lines: lines.map((l) => ({
      certificateNumber: l.certificateNumber,
      babyName: l.counterfoil.babyName,
      sex: l.counterfoil.sex,
      birthDate: l.counterfoil.birthDate,
      motherName: l.counterfoil.motherName,
      registeringCounty: countyName(l.counterfoil.registeringCounty)?.zh ?? '',
      // A later hop carries several hospitals' counterfoils.
      institution: b.hop > 0 ? l.counterfoil.institution : null,
      acknowledged: checked ? l.status !== 'missing' : null,
      check: checked && l.status !== 'pending' ? { status: l.status, note: l.note } : null,
    })),
    sender: { person: b.sentBy ? names.get(b.sentBy) : null, signedOn: date(b.sentAt) },
    // Off the platform the receiver signs the paper; the clerk who recorded it is not the receiver.
    receiver:
      b.receiverOrg !== null
        ? { person: b.acknowledgedBy ? names.get(b.acknowledgedBy) : null, signedOn: date(b.acknowledgedAt) }
        : {},
  });
}
