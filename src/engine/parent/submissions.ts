import type { CaseSubmission } from '../../domain/case.ts';
import * as commands from '../../domain/case-commands.ts';
import { AppError } from '../../domain/error.ts';
import type { RegionId } from '../../domain/ids.ts';
import { digestOf } from '../../domain/canonical-json.ts';
import { getPolicy } from '../../policies/index.ts';
import type { Evaluation } from '../../policy/evaluate.ts';
import type { Facts } from '../../policy/facts.ts';
import type { CaseAppend } from '../../store/case-store.ts';
import {
  findCaseByBaby,
  findCaseIdByClientTxn,
  isDuplicateBaby,
  lockFamilies,
} from '../../store/case-lookup-store.ts';
import type { Queryable } from '../../store/db.ts';
import { deleteDrafts } from '../../store/draft-store.ts';
import { insertSignatures, type StoredSignature } from '../../store/signature-store.ts';
import { recordDecidedFacts } from '../../store/whatif-store.ts';
import { commit } from '../commit.ts';
import type { EngineDeps } from '../deps.ts';
import { buildForm } from '../form.ts';
import type { ApplicationInput } from '../gather-facts.ts';
import { coSignersOf, planned, promisedOf, signatureOf, stillMissing, termsOf } from './apply.ts';
import { FamilyReads } from './family-reads.ts';
import { completeness, preReview, secondCase } from './pre-review.ts';

export type SubmitResult =
  | { accepted: true; caseId: string; duplicate: boolean; evaluation: Evaluation | null }
  | { accepted: false; evaluation: Evaluation };

export type Submit = (
  region: RegionId,
  clientTxnId: string,
  input: ApplicationInput,
) => Promise<SubmitResult>;

/** Submissions one transaction takes at most; keeps its multi-row inserts far below the parameter limit. */
const GROUP = 100;
/** Groups open at once: while one waits on the database, the next is read and decided. */
const WRITERS = 2;

/**
 * Group commit of applications. Every submission arriving while the writers are busy waits for the
 * next group, which takes them all in one transaction: the families' locks in one statement, their
 * records read set-based (FamilyReads), and their cases, events, projections, outbox and notices
 * written together. Under load that is a handful of statements for a whole group instead of about
 * twenty per application; alone, a submission is a group of one and waits no longer than before.
 *
 * Each submission is still decided on its own: one refused (not eligible, something missing, the
 * form changed after signing) is answered alone and the others go in. If the group's transaction
 * fails as a whole, each of its submissions is tried again alone, so none is lost or made twice.
 */
export function submissionWriter(deps: EngineDeps): Submit {
  const waiting: Waiting[] = [];
  let open = 0;
  let scheduled = false;
  // Started on the next turn of the event loop, so that submissions arriving together are grouped.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      while (open < WRITERS && waiting.length) {
        open++;
        void commitGroup(deps, waiting.splice(0, GROUP)).finally(() => {
          open--;
          if (waiting.length) schedule();
        });
      }
    });
  };
  return (region, clientTxnId, input) =>
    new Promise<SubmitResult>((resolve, reject) => {
      waiting.push({ asked: { region, clientTxnId, input }, resolve, reject });
      schedule();
    });
}

interface Asked {
  region: RegionId;
  clientTxnId: string;
  input: ApplicationInput;
}
interface Waiting {
  asked: Asked;
  resolve: (r: SubmitResult) => void;
  reject: (e: unknown) => void;
}

/** A submission decided within its group: an answer already, or a new case still to be written. */
type Decided = { answer: SubmitResult } | { answer: SubmitResult & { accepted: true }; newCase: NewCase };

interface NewCase {
  append: CaseAppend;
  babyKey: string;
  submittedAt: string;
  facts: Facts;
  signatures: StoredSignature[];
}

/** What one submission of a group is answered: its result, or the refusal it is rejected with. */
type Outcome = { ok: true; value: SubmitResult } | { ok: false; error: unknown };

async function commitGroup(deps: EngineDeps, group: Waiting[]): Promise<void> {
  let outcomes: Outcome[];
  try {
    outcomes = await deps.db.transaction((tx) =>
      decideGroup(
        deps,
        tx,
        group.map((w) => w.asked),
      ),
    );
  } catch (e) {
    if (group.length > 1) {
      for (const w of group) await commitGroup(deps, [w]);
      return;
    }
    outcomes = [
      await recoverAlone(deps, group[0]!.asked, e).then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
    ];
  }
  group.forEach((w, i) => {
    const o = outcomes[i]!;
    if (o.ok) w.resolve(o.value);
    else w.reject(o.error);
  });
}

async function decideGroup(deps: EngineDeps, tx: Queryable, group: Asked[]): Promise<Outcome[]> {
  // A repeated submission (a double tap, a retry) is found under the families' locks.
  await lockFamilies(
    tx,
    group.map((a) => a.input.motherIdNumber),
  );
  const at = deps.clock.now();
  const reads = new FamilyReads(tx);
  // Every submission's reads are awaited before anything is thrown: none may still be reading when
  // the transaction ends.
  const settled = await Promise.allSettled(group.map((a) => decideOne(deps, reads, a, at)));
  const decided = settled.map((s) => {
    if (s.status === 'fulfilled') return { ok: true as const, d: s.value };
    // A refusal is this submission's answer; anything else (a failed statement) fails the group.
    if (s.reason instanceof AppError) return { ok: false as const, error: s.reason as unknown };
    throw s.reason;
  });
  // Two submissions of one group may be one application sent twice, or two for one baby: the
  // first makes the case, as it would had they come one after another.
  const byTxn = new Map<string, string>();
  const byBaby = new Map<string, { id: string; submittedAt: string }>();
  const writing: NewCase[] = [];
  const outcomes = decided.map((o, i): Outcome => {
    if (!o.ok) return o;
    if (!('newCase' in o.d)) return { ok: true, value: o.d.answer };
    const { newCase, answer } = o.d;
    const txn = `${group[i]!.input.applicant.idNumber} ${group[i]!.clientTxnId}`;
    const sameTxn = byTxn.get(txn);
    if (sameTxn)
      return { ok: true, value: { ...answer, caseId: sameTxn, duplicate: true, evaluation: null } };
    const sameBaby = byBaby.get(newCase.babyKey);
    if (sameBaby) return { ok: false, error: secondCase(sameBaby) };
    byTxn.set(txn, answer.caseId);
    byBaby.set(newCase.babyKey, { id: answer.caseId, submittedAt: newCase.submittedAt });
    writing.push(newCase);
    return { ok: true, value: answer };
  });
  await commit(
    tx,
    writing.map((n) => n.append),
    at,
    deps,
  );
  // What each case was decided on, for replaying it under a changed policy (supervisor/whatif).
  await recordDecidedFacts(
    tx,
    writing.map((n) => ({
      caseId: n.append.caseId,
      region: n.append.create!.region,
      submittedAt: at,
      facts: n.facts,
    })),
  );
  await insertSignatures(
    tx,
    writing.flatMap((n) => n.signatures.map((s) => ({ ...s, caseId: n.append.caseId }))),
  );
  await deleteDrafts(
    tx,
    writing.map((n) => ({ motherIdNumber: n.facts.mother.idNumber, birthOrder: n.facts.baby.birthOrder })),
  );
  return outcomes;
}

/** One application: the pre-review against the shared data, then the case it makes (not yet written). */
async function decideOne(deps: EngineDeps, reads: FamilyReads, a: Asked, at: Date): Promise<Decided> {
  const { region, clientTxnId, input } = a;
  const known = await reads.caseIdByClientTxn(input.applicant.idNumber, clientTxnId);
  if (known) return { answer: { accepted: true, caseId: known, duplicate: true, evaluation: null } };
  const policy = getPolicy(region);
  const { facts, evaluation, babyKey } = await preReview(deps, region, input, at, reads, 'submission');
  if (!evaluation.eligible) return { answer: { accepted: false, evaluation } };
  const { extras, missing } = await completeness(region, input, facts, evaluation, reads);
  if (missing.length) throw stillMissing(missing);

  const form = buildForm(facts, evaluation, extras);
  const coSigners = await coSignersOf(reads, region, input, facts, digestOf(form));
  const signature = await signatureOf(reads, input, form, at, coSigners);
  const caseId = deps.newCaseId(clientTxnId);
  const registering = facts.choices.followParent === 'mother' ? facts.mother : facts.father;
  const submission: CaseSubmission = {
    region,
    scenario: evaluation.scenario.id,
    applicant: input.applicant,
    motherIdNumber: facts.mother.idNumber,
    fatherIdNumber: facts.father?.idNumber ?? null,
    babyKey,
    babyName: `${facts.baby.surname}${facts.baby.givenName}`,
    homeDivisionCode:
      registering?.hukou?.divisionCode ??
      facts.mother.hukou?.divisionCode ??
      facts.baby.birthPlace.divisionCode,
    items: planned(policy, evaluation),
    promisedDeadline: promisedOf(evaluation),
    terms: termsOf(policy, evaluation),
    form,
    signature: signature?.recorded ?? null,
  };
  const create = {
    region,
    clientTxnId,
    motherIdNumber: facts.mother.idNumber,
    applicantIdNumber: input.applicant.idNumber,
  };
  return {
    answer: { accepted: true, caseId, duplicate: false, evaluation },
    newCase: {
      append: {
        caseId,
        before: null,
        events: commands.submit(caseId, submission, at, deps.calendar),
        create,
      },
      babyKey,
      submittedAt: at.toISOString(),
      facts,
      signatures: signature?.images ?? [],
    },
  };
}

/** A submission whose transaction failed, alone: made meanwhile by another server, or refused. */
async function recoverAlone(deps: EngineDeps, a: Asked, e: unknown): Promise<SubmitResult> {
  const { db, clock } = deps;
  // The same client id committed by another server between our check and our insert.
  const again = await findCaseIdByClientTxn(db, a.input.applicant.idNumber, a.clientTxnId);
  if (again) return { accepted: true, caseId: again, duplicate: true, evaluation: null };
  if (isDuplicateBaby(e)) {
    // Another server accepted this baby first: name the case it made.
    const { babyKey } = await preReview(
      deps,
      a.region,
      a.input,
      clock.now(),
      new FamilyReads(db),
      'draft',
    ).catch(() => ({ babyKey: '' }));
    const existing = babyKey ? await findCaseByBaby(db, babyKey) : null;
    if (existing) throw secondCase(existing);
  }
  throw e;
}
