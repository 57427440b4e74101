import { restsOnProvisional, type Calendar } from '../../domain/calendar.ts';
import type { CaseState, FamilyDeadlineState, ItemState } from '../../domain/case.ts';
import { digestOf } from '../../domain/canonical-json.ts';
import { receipt, type ReceiptFacts } from '../../documents/receipt.ts';
import { caseNotFound, getCase } from '../../store/case-store.ts';
import { caseSummaries, type CaseSummaryRow } from '../../store/case-summary-store.ts';
import { listNotifications } from '../../store/notification-store.ts';
import { dispatchesOf } from '../../store/outbox-store.ts';
import { accessLog } from '../../store/staff-store.ts';
import type { DepartmentId } from '../../domain/ids.ts';
import type { Bilingual } from '../../domain/text.ts';
import { DEPARTMENT_LABELS, fieldLabel } from '../../domain/labels.ts';
import { isParentOf } from '../commit.ts';
import type { EngineDeps } from '../deps.ts';
import { signedFormPdf } from '../signed-form.ts';

/** What a parent reads about their cases. A case that is not theirs is reported as not found. */

export type ItemView = ItemState & { deadlineProvisional: boolean; plannedDeadlineProvisional: boolean };

/**
 * A case as the APIs return it: each deadline says whether it rests on a year the State Council has
 * not published an arrangement for (counted on the statutory holidays alone). Derived from the
 * calendar at each read, so loading the arrangement (onething calendar load) clears it everywhere.
 */
export type CaseView = Omit<CaseState, 'items' | 'familyDeadlines'> & {
  promisedDeadlineProvisional: boolean;
  items: Record<string, ItemView>;
  familyDeadlines?: (FamilyDeadlineState & { dueProvisional: boolean })[];
};

export function caseView(state: CaseState, calendar: Calendar): CaseView {
  const since = (at: string | null, deadline: string | null | undefined) =>
    !!deadline && restsOnProvisional(calendar, at ?? state.submittedAt, deadline);
  return {
    ...state,
    promisedDeadlineProvisional: since(state.submittedAt, state.promisedDeadline),
    // Only a count of working days rests on the calendar; months are months.
    familyDeadlines: state.familyDeadlines?.map((f) => ({
      ...f,
      dueProvisional:
        'unit' in (state.terms?.familyDeadlines.find((t) => t.id === f.id)?.within ?? {}) &&
        since(f.setAt, f.due),
    })),
    items: Object.fromEntries(
      Object.entries(state.items).map(([id, i]) => [
        id,
        {
          ...i,
          deadlineProvisional: since(i.dispatchedAt, i.deadline),
          plannedDeadlineProvisional: since(state.submittedAt, i.plannedDeadline),
        },
      ]),
    ),
  };
}

export async function myCase(deps: EngineDeps, caseId: string, idNumber: string): Promise<CaseView> {
  const state = await getCase(deps.db, caseId);
  if (isParentOf(state, idNumber)) return caseView(state, deps.calendar);
  throw caseNotFound(caseId);
}

/** My cases at a glance, newest first (the list in the app). */
export async function myCases(deps: EngineDeps, idNumber: string) {
  return (await caseSummaries(deps.db, { idNumber })).map((c) => summaryView(deps.calendar, c));
}

/** One case at a glance: what an app polling for progress needs, without the whole case. */
export async function myCaseStatus(deps: EngineDeps, caseId: string, idNumber: string) {
  const [c] = await caseSummaries(deps.db, { idNumber, caseId });
  if (!c) throw caseNotFound(caseId);
  return summaryView(deps.calendar, c);
}

function summaryView(calendar: Calendar, c: CaseSummaryRow) {
  const { items, ...rest } = c;
  return {
    ...rest,
    promisedDeadlineProvisional:
      !!c.promisedDeadline && restsOnProvisional(calendar, c.submittedAt, c.promisedDeadline),
    items: items.map(({ dispatchedAt, ...i }) => ({
      ...i,
      deadlineProvisional:
        !!i.deadline && restsOnProvisional(calendar, dispatchedAt ?? c.submittedAt, i.deadline),
    })),
  };
}

/** The submitted form as a PDF, with every signature over its digest. */
export async function signedApplicationPdf(
  deps: EngineDeps,
  caseId: string,
  idNumber: string,
): Promise<Buffer> {
  return signedFormPdf(deps, await myCase(deps, caseId, idNumber));
}

/** What a receipt states about a case: its number, when it was submitted, and the digest of its form. */
export function receiptFactsOf(state: CaseState): ReceiptFacts {
  return {
    caseId: state.id,
    submittedAt: state.submittedAt,
    formDigest: state.signature?.formDigest ?? digestOf(state.form),
  };
}

export async function myReceipt(deps: EngineDeps, caseId: string, idNumber: string) {
  const facts = receiptFactsOf(await myCase(deps, caseId, idNumber));
  return receipt(deps.receiptKey, facts, deps.publicBaseUrl());
}

/** Which department received which of the family's fields: the names, never the values. */
export async function sharedFields(deps: EngineDeps, caseId: string, idNumber: string) {
  await myCase(deps, caseId, idNumber);
  const rows = await dispatchesOf(deps.db, caseId);
  return rows.map((r) => ({
    department: r.topic,
    item: r.payload.item,
    fields: fieldPaths(r.payload.fields),
  }));
}

export async function notifications(deps: EngineDeps, idNumber: string) {
  return listNotifications(deps.db, idNumber);
}

/** `{ baby: { name, sex } }` → ['baby.name', 'baby.sex']. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    fieldPaths(v, prefix ? `${prefix}.${k}` : k),
  );
}

/**
 * 谁查看了我的信息: every read of the family's data: a clerk opening a task (by organisation, never
 * the clerk's name) or a department's own system taking its task; with the item and which of the
 * family's fields were read.
 */
export async function whoSawMyData(deps: EngineDeps, caseId: string, idNumber: string) {
  await myCase(deps, caseId, idNumber);
  const views: {
    at: string;
    lastAt: string;
    times: number;
    organisation: Bilingual;
    department: Bilingual | null;
    item: string;
    fields: Bilingual[];
  }[] = [];
  for (const a of await accessLog(deps.db, caseId)) {
    const at = new Date(a.at).toISOString();
    const fields = a.fields.map((f) => fieldLabel(f) ?? { zh: '其他信息', en: 'Other details' });
    const organisation = readerName(a);
    // Every opening is recorded; the family reads a clerk coming back to the same task within the
    // hour (reloading it after deciding, say) as one visit, with how many times.
    const last = views.at(-1);
    if (
      last &&
      last.item === a.item &&
      last.organisation.zh === organisation.zh &&
      JSON.stringify(last.fields) === JSON.stringify(fields) &&
      new Date(at).getTime() - new Date(last.lastAt).getTime() < 3_600_000
    ) {
      Object.assign(last, { lastAt: at, times: last.times + 1 });
      continue;
    }
    views.push({
      at,
      lastAt: at,
      times: 1,
      organisation,
      department: DEPARTMENT_LABELS[(a.department ?? a.reader) as DepartmentId] ?? null,
      item: a.item,
      fields,
    });
  }
  return views;
}

/** A clerk by their organisation; a department's own system by the department. */
function readerName(a: Awaited<ReturnType<typeof accessLog>>[number]): Bilingual {
  if (a.organisation) return a.organisation;
  const department = DEPARTMENT_LABELS[a.reader as DepartmentId] ?? { zh: '部门', en: 'A department' };
  return { zh: `${department.zh}业务系统`, en: `${department.en}'s own system` };
}
