import type { Decision, TrackingUpdate } from '../domain/case-commands.ts';
import type { FollowUpKind, LineCheck } from '../domain/counterfoil.ts';
import type { DepartmentId, ItemId, ParentRole, RegionId } from '../domain/ids.ts';
import type { PaymentNotice } from '../departments/payments.ts';
import type { ReceiptFacts } from '../documents/receipt.ts';
import { claimTask, listOpenTasks } from './department/tasks.ts';
import { decide } from './department/decide.ts';
import { firstUse, forgetExpiredNonces } from './department/replay-cache.ts';
import type { EngineDeps } from './deps.ts';
import type { ApplicationInput } from './gather-facts.ts';
import { metrics, ready } from './operations.ts';
import { draftPdf, preview } from './parent/apply.ts';
import { submissionWriter } from './parent/submissions.ts';
import { sharedFamilyBatches } from './parent/family-reads.ts';
import { CaseCache } from '../store/case-cache.ts';
import * as cases from './parent/cases.ts';
import { authorize, confirmFather, verifyFace, type GranteeTyped } from './parent/family.ts';
import {
  answerSupplement,
  bookPickup,
  meetFamilyDeadline,
  pickupWindows,
  rate,
  recordPayment,
  startPayment,
  supplyMaterials,
} from './parent/follow-up.ts';
import { discardDraft, loadDraft, saveDraft } from './parent/drafts.ts';
import { coSign, invitationPdf, invite, myInvitations } from './parent/invitations.ts';
import { upload, uploadStream } from './parent/uploads.ts';
import { whoAmI } from './parent/who-am-i.ts';
import { checkUploadQuota } from './parent/upload-quota.ts';
import * as atWindow from './staff/window.ts';
import { track } from './post/track.ts';
import { verifyReceipt } from './public/verify-receipt.ts';
import { overdue, overview } from './supervisor/reports.ts';
import { whatIf } from './supervisor/whatif/index.ts';
import { efficiency } from './supervisor/efficiency.ts';
import { funnel } from './supervisor/funnel.ts';
import { deliveries, resend } from './supervisor/deliveries.ts';
import { deliveryRecordsArrived, invitationOpened } from './parent/proactive.ts';
import { sweepOverdue } from './sweeper/overdue.ts';
import { checkpointIfDue } from './checkpoint.ts';
import { keyChainsAtStart } from './chain-keying.ts';
import { escalate } from './sweeper/escalate.ts';
import { createRatingFollowUps } from './sweeper/rating-follow-ups.ts';
import { dashboard } from './supervisor/dashboard.ts';
import { tableCsv } from './supervisor/export.ts';
import { monthlyReportPdf } from './supervisor/monthly-report.ts';
import type { Period } from './supervisor/measure.ts';
import * as staffInbox from './supervisor/staff-inbox.ts';
import { openDocument } from './staff/documents.ts';
import { decideAsStaff, openTask, queue, staffContext, type StaffDecision } from './staff/work.ts';
import * as counterfoil from './staff/counterfoil.ts';
import { accountByLogin, listStaff, supervisedRegions, type QueueView } from '../store/staff-store.ts';

export type { EngineDeps } from './deps.ts';
export type { Preview } from './parent/apply.ts';
export type { SubmitResult } from './parent/submissions.ts';
export type { DecisionResult } from './department/decide.ts';

/**
 * The use cases, grouped by who acts: parents, departments, the post, the sweeper, supervisors,
 * and anyone checking a receipt. Each lives in its own module and takes its dependencies
 * explicitly; this only binds them once.
 */
export function createEngine(given: EngineDeps) {
  // Pre-reviews running at the same moment read their families together (family-reads.ts).
  const deps: EngineDeps = {
    ...given,
    familyBatches: given.familyBatches ?? sharedFamilyBatches(given.db),
    caseCache: given.caseCache ?? new CaseCache(),
  };
  // The parent's app and the hospital's window submit through one group-committing writer.
  const submit = submissionWriter(deps);
  return {
    parent: {
      whoAmI: (idNumber: string) => whoAmI(deps, idNumber),
      // Before an upload is taken: the applicant's files for this application within the quota.
      checkUploadQuota: (owner: string, incoming: number) => checkUploadQuota(deps, owner, incoming),
      // 免申即办: the hospital's delivery record arrived; invite the mother, once per baby.
      deliveryRecordsArrived: (motherIdNumbers: string[]) => deliveryRecordsArrived(deps, motherIdNumbers),
      invitationOpened: (idNumber: string, birthOrder: number) =>
        invitationOpened(deps, idNumber, birthOrder),
      preview: (region: RegionId, input: ApplicationInput) => preview(deps, region, input),
      draftPdf: (region: RegionId, input: ApplicationInput) => draftPdf(deps, region, input),
      submit,
      upload: (owner: string, material: string, bytes: Buffer) => upload(deps, owner, material, bytes),
      // Streamed to the blob store as it arrives, refused while streaming if too large (uploads.ts).
      uploadStream: (owner: string, material: string, content: AsyncIterable<Uint8Array>) =>
        uploadStream(deps, owner, material, content),
      verifyFace: (idNumber: string, role: ParentRole, photo: Buffer) =>
        verifyFace(deps, idNumber, role, photo),
      authorize: (motherIdNumber: string, signature: Buffer, grantee: GranteeTyped) =>
        authorize(deps, motherIdNumber, signature, grantee),
      confirmFather: (fatherIdNumber: string, photo: Buffer) => confirmFather(deps, fatherIdNumber, photo),
      // What a parent's step returns is the case as they read it, deadlines marked as on myCase.
      answerSupplement: async (caseId: string, item: ItemId, by: string, note: string) =>
        cases.caseView(await answerSupplement(deps, caseId, item, by, note), deps.calendar),
      meetFamilyDeadline: async (caseId: string, deadline: string, by: string) =>
        cases.caseView(await meetFamilyDeadline(deps, caseId, deadline, by), deps.calendar),
      rate: async (caseId: string, item: ItemId, by: string, score: number, comment: string) =>
        cases.caseView(await rate(deps, caseId, item, by, score, comment), deps.calendar),
      supplyMaterials: async (caseId: string, item: ItemId, by: string, uploads: Record<string, string>) =>
        cases.caseView(await supplyMaterials(deps, caseId, item, by, uploads), deps.calendar),
      pickupWindows: (caseId: string, item: ItemId, by: string) => pickupWindows(deps, caseId, item, by),
      bookPickup: async (
        caseId: string,
        item: ItemId,
        by: string,
        booking: Parameters<typeof bookPickup>[4],
      ) => cases.caseView(await bookPickup(deps, caseId, item, by, booking), deps.calendar),
      startPayment: (caseId: string, item: ItemId, by: string) => startPayment(deps, caseId, item, by),
      loadDraft: (idNumber: string, birthOrder: number) => loadDraft(deps, idNumber, birthOrder),
      saveDraft: (idNumber: string, birthOrder: number, region: RegionId, body: unknown) =>
        saveDraft(deps, idNumber, birthOrder, region, body),
      discardDraft: (idNumber: string, birthOrder: number) => discardDraft(deps, idNumber, birthOrder),
      invite: (region: RegionId, input: ApplicationInput) => invite(deps, region, input),
      invitations: (idNumber: string) => myInvitations(deps, idNumber),
      invitationPdf: (idNumber: string, id: string) => invitationPdf(deps, idNumber, id),
      coSign: (idNumber: string, id: string, png: Buffer) => coSign(deps, idNumber, id, png),
      myCase: (caseId: string, idNumber: string) => cases.myCase(deps, caseId, idNumber),
      myCases: (idNumber: string) => cases.myCases(deps, idNumber),
      myCaseStatus: (caseId: string, idNumber: string) => cases.myCaseStatus(deps, caseId, idNumber),
      signedApplicationPdf: (caseId: string, idNumber: string) =>
        cases.signedApplicationPdf(deps, caseId, idNumber),
      receipt: (caseId: string, idNumber: string) => cases.myReceipt(deps, caseId, idNumber),
      sharedFields: (caseId: string, idNumber: string) => cases.sharedFields(deps, caseId, idNumber),
      notifications: (idNumber: string) => cases.notifications(deps, idNumber),
      whoSawMyData: (caseId: string, idNumber: string) => cases.whoSawMyData(deps, caseId, idNumber),
    },
    department: {
      decide: async (decision: Decision) => (await decide(deps, [decision]))[0]!,
      decideMany: (decisions: Decision[]) => decide(deps, decisions),
      openTasks: (department: DepartmentId) => listOpenTasks(deps, department),
      claimTask: (department: DepartmentId, taskId: string) => claimTask(deps, department, taskId),
      // The replay cache of signed requests (gateway and payment notices), shared by every server.
      firstUseOfNonce: (sender: string, nonce: string, until: Date) => firstUse(deps, sender, nonce, until),
    },
    // A clerk of an organisation (hospital, police station, county office): its queues and tasks.
    staff: {
      me: (staffId: string) => staffContext(deps, staffId),
      // 联办窗口: the hospital clerk applies for the mother at the counter (staff/window.ts).
      window: {
        lookUp: async (staffId: string, motherIdNumber: string) =>
          atWindow.lookUp(deps, await staffContext(deps, staffId), motherIdNumber),
        preview: async (staffId: string, a: atWindow.WindowApplication) =>
          atWindow.windowPreview(deps, await staffContext(deps, staffId), a),
        startSigning: async (
          staffId: string,
          purpose: 'letter' | 'form',
          a: atWindow.WindowApplication,
          o?: { fatherPresent?: boolean },
        ) => atWindow.startSigning(deps, await staffContext(deps, staffId), purpose, a, o),
        signingSession: async (staffId: string, id: string) =>
          atWindow.signingSession(deps, await staffContext(deps, staffId), id),
        sign: async (staffId: string, id: string, role: ParentRole, png: Buffer) =>
          atWindow.sign(deps, await staffContext(deps, staffId), id, role, png),
        /** The father not at the counter: invited to sign the same form in his own login. */
        inviteToSign: async (staffId: string, id: string, a: atWindow.WindowApplication) =>
          atWindow.inviteToSign(deps, await staffContext(deps, staffId), id, a),
        submit: async (
          staffId: string,
          clientTxnId: string,
          a: atWindow.WindowApplication,
          session: string,
        ) =>
          atWindow.submitAtWindow(deps, submit, await staffContext(deps, staffId), clientTxnId, a, session),
        paper: async (staffId: string, caseId: string, paper: atWindow.WindowPaper) =>
          atWindow.windowPaper(deps, await staffContext(deps, staffId), caseId, paper),
        /** For the parent's own app: the window the case was applied for at, if any. */
        appliedAt: (caseId: string, idNumber: string) => atWindow.appliedAt(deps, caseId, idNumber),
      },
      /** The demo's accounts, to log in as outside production. */
      directory: (region?: RegionId) => listStaff(deps.db, region),
      /** The account (staff or supervisor) of a person the unified identity logged in, or null. */
      byLogin: (idNumber: string) => accountByLogin(deps.db, idNumber),
      queue: async (
        staffId: string,
        view: QueueView,
        o: { cursor?: string; search?: string; limit?: number },
      ) => queue(deps, await staffContext(deps, staffId), view, o),
      openTask: async (staffId: string, caseId: string, item: ItemId) =>
        openTask(deps, await staffContext(deps, staffId), caseId, item),
      decide: async (staffId: string, caseId: string, item: ItemId, d: StaffDecision) =>
        decideAsStaff(deps, await staffContext(deps, staffId), caseId, item, d),
      document: async (staffId: string, caseId: string, item: ItemId, id: string) =>
        openDocument(deps, await staffContext(deps, staffId), caseId, item, id),
      // 副页移交: counterfoil batches from the hospital along the region's route (staff/counterfoil.ts).
      counterfoil: {
        overview: async (staffId: string) =>
          counterfoil.counterfoilOverview(deps, await staffContext(deps, staffId)),
        batch: async (staffId: string, id: string) =>
          counterfoil.counterfoilBatch(deps, await staffContext(deps, staffId), id),
        assemble: async (staffId: string, a: { hop: number; county: string | null; month: string | null }) =>
          counterfoil.assembleBatch(deps, await staffContext(deps, staffId), a),
        sheet: async (staffId: string, id: string) =>
          counterfoil.transferSheetPdf(deps, await staffContext(deps, staffId), id),
        send: async (staffId: string, id: string) =>
          counterfoil.sendBatch(deps, await staffContext(deps, staffId), id),
        acknowledge: async (staffId: string, id: string, checks: LineCheck[]) =>
          counterfoil.acknowledgeBatch(deps, await staffContext(deps, staffId), id, checks),
        followUp: async (
          staffId: string,
          id: string,
          caseId: string,
          f: { kind: FollowUpKind; note: string },
        ) => counterfoil.followUpDiscrepancy(deps, await staffContext(deps, staffId), id, caseId, f),
      },
    },
    post: { track: (updates: TrackingUpdate[]) => track(deps, updates) },
    payments: { record: (notice: PaymentNotice) => recordPayment(deps, notice) },
    sweeper: {
      sweepOverdue: (batch?: number) => sweepOverdue(deps, batch),
      // 超期预警 and 差评整改: once per item per threshold, once per poor rating (sweeper/).
      escalate: (batch?: number) => escalate(deps, batch),
      ratingFollowUps: (batch?: number) => createRatingFollowUps(deps, batch),
      forgetExpiredNonces: () => forgetExpiredNonces(deps),
      // Tamper evidence: the chain heads anchored in the append-only checkpoint table (checkpoint.ts).
      checkpoint: (everyMs: number) => checkpointIfDue(deps, deps.clock.now(), everyMs),
    },
    chain: {
      /** Before serving: an older store's chain keyed once, or a rotated key's first checkpoint. */
      keyAtStart: () => keyChainsAtStart(deps, deps.clock.now()),
    },
    supervisor: {
      /** The regions a supervisor's account reads (null: not a supervisor's account). */
      regionsOf: (staffId: string) => supervisedRegions(deps.db, staffId),
      overview: (region: RegionId) => overview(deps, region),
      overdue: (region: RegionId) => overdue(deps, region),
      dashboard: (region: RegionId, period: Period) => dashboard(deps, region, period),
      csv: (region: RegionId, table: string, period: Period, lang?: 'zh' | 'en') =>
        tableCsv(deps, region, table, period, lang),
      monthlyReport: (region: RegionId, month: string) => monthlyReportPdf(deps, region, month),
      // The workbench's side of supervision: the inbox and the head's follow-up of poor ratings.
      inbox: async (staffId: string) => staffInbox.inbox(deps, await staffContext(deps, staffId)),
      readMessage: async (staffId: string, id: string) =>
        staffInbox.readMessage(deps, await staffContext(deps, staffId), id),
      recordFollowUp: async (staffId: string, caseId: string, item: string, outcome: string) =>
        staffInbox.recordFollowUpOutcome(deps, await staffContext(deps, staffId), caseId, item, outcome),
      // 政策推演: the region's cases replayed under an officer's copy of its policy; reads only.
      whatIf: (region: RegionId, copy: unknown, since: string, familyLimit?: number) =>
        whatIf(deps, { region, copy, since, ...(familyLimit ? { familyLimit } : {}) }),
      // The efficiency table measured from finished cases, and the 免申即办 funnel.
      efficiency: (region: RegionId, since: Date) => efficiency(deps, region, since),
      funnel: (region: RegionId, since: Date) => funnel(deps, region, since),
      // Tasks a department system has not taken yet: retrying, dead letters, and the re-send.
      deliveries: (region: RegionId) => deliveries(deps, region),
      resend: (region: RegionId, taskId: string, by: string) => resend(deps, region, taskId, by),
    },
    public: { verifyReceipt: (claimed: ReceiptFacts, token: string) => verifyReceipt(deps, claimed, token) },
    operations: { ready: () => ready(deps), metrics: () => metrics(deps) },
  };
}

export type Engine = ReturnType<typeof createEngine>;
