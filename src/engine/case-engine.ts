import { createHash } from 'node:crypto';
import {
  applyEvent,
  type CaseEvent,
  type CaseState,
  type CaseSubmission,
  type PlannedCaseItem,
} from '../domain/case.ts';
import { digestOf } from '../domain/canonical-json.ts';
import type { CaseForm } from '../departments/port.ts';
import * as commands from '../domain/case-commands.ts';
import type { Decision, TrackingUpdate } from '../domain/case-commands.ts';
import type { Calendar } from '../domain/calendar.ts';
import type { Clock } from '../domain/clock.ts';
import { AppError, type FieldIssue } from '../domain/error.ts';
import type { ItemId, ParentRole, RegionId } from '../domain/ids.ts';
import { getPolicy, regionsFor } from '../policies/index.ts';
import { evaluate, type Evaluation } from '../policy/evaluate.ts';
import type { Sla } from '../policy/schema.ts';
import type { FaceVerifier } from '../registries/face-verification.ts';
import type { SharedData } from '../registries/port.ts';
import type { SlaMeasure } from '../domain/sla-clock.ts';
import {
  appendEvents,
  caseNotFound,
  loadCasesForUpdate,
  type CaseAppend,
  type LoadedCase,
} from '../store/case-store.ts';
import type { Db, Queryable } from '../store/db.ts';
import { valuesList } from '../store/sql.ts';
import { coSignersRequired, missingForSubmission } from '../policy/completeness.ts';
import type { Facts } from '../policy/facts.ts';
import { buildForm, type FormExtras } from './form.ts';
import { familyOf, gatherFacts, type ApplicationInput } from './gather-facts.ts';
import { messagesFor, type InboxMessage, type OutboxMessage } from './messages.ts';

/**
 * The case engine: every command runs in one transaction that locks the cases it touches,
 * appends their events, updates the projections and writes the outbox. Decisions and sweeps take
 * batches, so a busy day costs a few commits, not one per step.
 */
export interface EngineDeps {
  db: Db;
  clock: Clock;
  calendar: Calendar;
  shared: SharedData;
  /** Face verification for the father's confirmation (人脸识别). */
  faces: FaceVerifier;
  newCaseId: () => string;
}

/** Cases per transaction; keeps every multi-row insert far below PostgreSQL's parameter limit. */
const BATCH = 200;

export interface Preview {
  evaluation: Evaluation;
  /** The one form the applicant reviews and signs; null when the family is refused. */
  form: CaseForm | null;
  formDigest: string | null;
  /** What must still be added before submitting (uploads, address, phone, face checks). */
  missing: FieldIssue[];
  /** Who signs besides the applicant. */
  coSigners: ParentRole[];
}

export type SubmitResult =
  | { accepted: true; caseId: string; duplicate: boolean; evaluation: Evaluation | null }
  | { accepted: false; evaluation: Evaluation };

export type DecisionResult =
  | { txnId: string; ok: true; caseId: string; item: ItemId; status: string; replayed: boolean }
  | { txnId: string; ok: false; error: ReturnType<AppError['toJSON']> };

export class CaseEngine {
  constructor(private readonly deps: EngineDeps) {}

  /**
   * One application: pre-review against the shared data, then the case, its first dispatches and
   * notices. The pre-review and the insert run in one transaction under a lock on the mother, so
   * two servers cannot both find "no earlier application" for the same baby.
   */
  async submit(region: RegionId, clientTxnId: string, input: ApplicationInput): Promise<SubmitResult> {
    const { db, clock, calendar } = this.deps;
    const findKnown = async (q: Queryable) =>
      (
        await q.query<{ id: string }>(
          'select id from cases where applicant_id_number = $1 and client_txn_id = $2',
          [input.applicant.idNumber, clientTxnId],
        )
      )[0];
    const known = await findKnown(db);
    if (known) return { accepted: true, caseId: known.id, duplicate: true, evaluation: null };

    const policy = getPolicy(region);
    try {
      return await db.transaction(async (tx): Promise<SubmitResult> => {
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', [input.motherIdNumber]);
        const raced = await findKnown(tx);
        if (raced) return { accepted: true, caseId: raced.id, duplicate: true, evaluation: null };
        const at = clock.now();
        const { facts, evaluation } = await this.preReview(region, input, at, tx);
        if (!evaluation.eligible) return { accepted: false, evaluation };
        const { extras, missing } = await this.completeness(region, input, facts, evaluation, tx);
        if (missing.length) {
          throw new AppError(
            'INVALID_INPUT',
            {
              zh: `申请还缺少：${missing.map((m) => m.message.zh).join('；')}`,
              en: `The application still lacks: ${missing.map((m) => m.message.en).join('; ')}`,
            },
            { field: missing[0]!.field, issues: missing },
          );
        }

        const form = buildForm(facts, evaluation, extras);
        const signature = checkSignature(
          input,
          form,
          at,
          coSignersRequired(policy, input.applicant.role, facts.father !== null).map((role) => ({
            role,
            idNumber: (role === 'mother' ? facts.mother : facts.father)!.idNumber,
          })),
        );
        const caseId = this.deps.newCaseId();
        const items: PlannedCaseItem[] = evaluation.plan.map((p) => {
          const sla = policy.items.find((i) => i.id === p.id)!.sla;
          const chosen = p.delivery?.options.find((m) => m.kind === p.delivery?.chosen);
          return {
            id: p.id,
            department: p.department,
            dependsOn: p.dependsOn,
            sla: sla ? slaMeasure(sla) : null,
            delivery: p.delivery?.chosen ?? null,
            inboundParcel: chosen?.kind === 'mail' && chosen.twoWay,
          };
        });
        const promised = evaluation.deadlines.promised;
        const events = commands.submit(
          caseId,
          {
            region,
            scenario: evaluation.scenario.id,
            applicant: input.applicant,
            motherIdNumber: facts.mother.idNumber,
            babyName: `${facts.baby.surname}${facts.baby.givenName}`,
            homeDivisionCode:
              (facts.choices.followParent === 'mother' ? facts.mother : facts.father)?.hukou?.divisionCode ??
              facts.mother.hukou?.divisionCode ??
              facts.baby.birthPlace.divisionCode,
            items,
            promisedDeadline: promised?.status === 'scheduled' ? promised.at : null,
            form,
            signature,
          },
          at,
          calendar,
        );
        await this.commit(
          tx,
          [
            {
              caseId,
              before: null,
              events,
              create: {
                region,
                clientTxnId,
                motherIdNumber: facts.mother.idNumber,
                applicantIdNumber: input.applicant.idNumber,
              },
            },
          ],
          at,
        );
        if (signature && input.signature) {
          const images = [
            { id: signature.signerIdNumber, png: input.signature.imagePng },
            ...(signature.coSigners ?? []).map((c) => ({
              id: c.idNumber,
              png: input.signature!.others!.find((o) => o.role === c.role)!.imagePng,
            })),
          ];
          for (const image of images) {
            await tx.query(
              'insert into case_signatures (case_id, signer_id_number, form_digest, image_sha256, image_png, signed_at) values ($1, $2, $3, $4, $5, $6)',
              [
                caseId,
                image.id,
                signature.formDigest,
                createHash('sha256').update(image.png).digest('hex'),
                image.png,
                signature.signedAt,
              ],
            );
          }
        }
        return { accepted: true, caseId, duplicate: false, evaluation };
      });
    } catch (e) {
      // The same client id committed by another server between our check and our insert.
      const again = await findKnown(db);
      if (again) return { accepted: true, caseId: again.id, duplicate: true, evaluation: null };
      throw e;
    }
  }

  /**
   * A draft's pre-review: what submitting now would decide, and the one form with the digest the
   * applicant signs. Creates nothing.
   */
  async preview(region: RegionId, input: ApplicationInput): Promise<Preview> {
    const { facts, evaluation } = await this.preReview(region, input, this.deps.clock.now(), this.deps.db);
    if (!evaluation.eligible) return { evaluation, form: null, formDigest: null, missing: [], coSigners: [] };
    const { extras, missing } = await this.completeness(region, input, facts, evaluation, this.deps.db);
    const form = buildForm(facts, evaluation, extras);
    return {
      evaluation,
      form,
      formDigest: digestOf(form),
      missing,
      coSigners: coSignersRequired(getPolicy(region), input.applicant.role, facts.father !== null),
    };
  }

  /** The uploads, contact and face checks behind an application, and what it still lacks. */
  private async completeness(
    region: RegionId,
    input: ApplicationInput,
    facts: Facts,
    evaluation: Evaluation,
    q: Queryable,
  ): Promise<{ extras: FormExtras; missing: FieldIssue[] }> {
    const wanted = Object.entries(input.uploads ?? {});
    const rows = wanted.length
      ? await q.query<{ id: string; material: string; sha256: string; mime: string }>(
          'select id, material, sha256, mime from uploads where owner_id_number = $1 and id = any($2::text[])',
          [input.applicant.idNumber, wanted.map(([, id]) => id)],
        )
      : [];
    const uploads = wanted.flatMap(([material, id]) =>
      rows
        .filter((r) => r.id === id && r.material === material)
        .map((r) => ({ material, sha256: r.sha256, mime: r.mime })),
    );
    const unknown = wanted.filter(([material]) => !uploads.some((u) => u.material === material));
    if (unknown.length) {
      const field = `uploads.${unknown[0]![0]}`;
      throw new AppError(
        'INVALID_INPUT',
        {
          zh: `${field}：没有找到您上传的这个文件，请重新上传`,
          en: `${field}: no such upload of yours; upload the file again`,
        },
        { field },
      );
    }
    const parents = new Map<ParentRole, string>([
      ['mother', facts.mother.idNumber],
      ...(facts.father ? [['father', facts.father.idNumber] as [ParentRole, string]] : []),
    ]);
    const faces = await q.query<{ person_id_number: string }>(
      'select person_id_number from face_verifications where mother_id_number = $1',
      [facts.mother.idNumber],
    );
    const applicant = input.applicant.role === 'mother' ? facts.mother : facts.father;
    const extras: FormExtras = {
      contact: {
        phone: applicant?.phone ?? input.contact?.phone ?? null,
        mailingAddress: input.contact?.mailingAddress ?? null,
      },
      uploads,
    };
    const missing = missingForSubmission(getPolicy(region), evaluation, {
      uploads: new Set(uploads.map((u) => u.material)),
      mailingAddress: extras.contact.mailingAddress,
      phone: extras.contact.phone,
      facesVerified: new Set(
        [...parents].filter(([, id]) => faces.some((f) => f.person_id_number === id)).map(([role]) => role),
      ),
      parents: new Set(parents.keys()),
    });
    return { extras, missing };
  }

  /**
   * The logged-in person and their family as the shared data knows it. With a hospital delivery
   * record the app offers to start from it (the proactive path), in the region where the baby was
   * born; the signed authorization and the father's confirmation show where each parent stands.
   */
  async whoAmI(idNumber: string) {
    const family = await familyOf(this.deps.shared, idNumber);
    if (!family) {
      throw new AppError(
        'NOT_FOUND',
        {
          zh: 'authorization：户籍信息中查无此人',
          en: 'authorization: the hukou registry has no such person',
        },
        { field: 'authorization' },
      );
    }
    const { person, role, mother, father, delivery } = family;
    const brief = (p: typeof person | null | undefined) =>
      p && {
        name: p.name,
        idNumber: p.idNumber,
        phone: p.phone ?? null,
        hukouDivisionCode: p.hukou?.divisionCode ?? null,
      };
    const motherId = mother?.idNumber ?? null;
    const [authorization, confirmation, faces] = motherId
      ? await Promise.all([
          this.deps.db.query<{ signed_at: Date }>(
            'select signed_at from authorizations where mother_id_number = $1',
            [motherId],
          ),
          this.deps.db.query<{ confirmed_at: Date }>(
            'select confirmed_at from father_confirmations where mother_id_number = $1',
            [motherId],
          ),
          this.deps.db.query<{ person_id_number: string }>(
            'select person_id_number from face_verifications where mother_id_number = $1',
            [motherId],
          ),
        ])
      : [[], [], []];
    const place =
      delivery?.baby.birthPlace.divisionCode ?? mother?.hukou?.divisionCode ?? person.hukou?.divisionCode;
    return {
      person: brief(person)!,
      role,
      mother: brief(mother),
      father: brief(father),
      delivery: delivery
        ? {
            institutionName: delivery.institutionName,
            bornAt: delivery.baby.bornAt,
            sex: delivery.baby.sex,
            birthPlace: delivery.baby.birthPlace,
          }
        : null,
      regions: place ? regionsFor(place) : [],
      authorizationSignedAt: authorization[0] ? new Date(authorization[0].signed_at).toISOString() : null,
      fatherConfirmedAt: confirmation[0] ? new Date(confirmation[0].confirmed_at).toISOString() : null,
      facesVerified: (['mother', 'father'] as const).filter((r) =>
        faces.some((f) => f.person_id_number === (r === 'mother' ? mother : father)?.idNumber),
      ),
    };
  }

  /**
   * A material the shared data cannot supply, uploaded before submission. Kept by content hash;
   * the signed form names the hash, so a swapped file shows.
   */
  async upload(
    ownerIdNumber: string,
    material: string,
    mime: string,
    bytes: Buffer,
  ): Promise<{ uploadId: string; material: string; sha256: string; mime: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The same file for the same material is one upload; for another material it is another.
    const uploadId = `U${createHash('sha256').update(`${material}\u0000${sha256}`).digest('hex').slice(0, 24)}`;
    await this.deps.db.query(
      `insert into uploads (id, owner_id_number, material, mime, size, sha256, bytes, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (id, owner_id_number) do nothing`,
      [
        uploadId,
        ownerIdNumber,
        material,
        mime,
        bytes.length,
        sha256,
        bytes,
        this.deps.clock.now().toISOString(),
      ],
    );
    return { uploadId, material, sha256, mime, size: bytes.length };
  }

  /**
   * 人脸识别 during the application, for the parents the region names (Zibo: both, on the
   * applicant's phone). Only a passed check is recorded.
   */
  async verifyFace(
    applicantIdNumber: string,
    role: ParentRole,
    photoPng: Buffer,
  ): Promise<{ role: ParentRole; verifiedAt: string; score: number }> {
    const family = await familyOf(this.deps.shared, applicantIdNumber);
    const person = role === 'mother' ? family?.mother : family?.father;
    if (!family?.role || !person) {
      throw new AppError(
        'NOT_FOUND',
        {
          zh: `role：共享数据中没有查到您家庭中的${role === 'mother' ? '母亲' : '父亲'}`,
          en: `role: the shared data shows no ${role} in your family`,
        },
        { field: 'role' },
      );
    }
    const score = await this.faceScore(person.idNumber, photoPng);
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.query(
      `insert into face_verifications (mother_id_number, person_id_number, score, verified_at) values ($1, $2, $3, $4)
       on conflict (mother_id_number, person_id_number) do update set score = excluded.score, verified_at = excluded.verified_at`,
      [family.mother!.idNumber, person.idNumber, score, at],
    );
    return { role, verifiedAt: at, score };
  }

  /** 人脸识别 through the provider: the score of a passed check; a failed one is refused, never recorded. */
  private async faceScore(idNumber: string, photoPng: Buffer): Promise<number> {
    const face = await this.deps.faces.verify(idNumber, photoPng);
    if (!face.verified) {
      throw new AppError(
        'UNAUTHORIZED',
        { zh: 'face：人脸识别未通过，请重新拍摄', en: 'face: face verification failed; please try again' },
        { field: 'face' },
      );
    }
    return face.score;
  }

  private async preReview(region: RegionId, input: ApplicationInput, at: Date, q: Queryable) {
    const { calendar, shared } = this.deps;
    const facts = await gatherFacts(shared, input, {
      priorApplication: async (bornAt) =>
        (
          await q.query('select 1 from cases where mother_id_number = $1 and submitted_at >= $2 limit 1', [
            input.motherIdNumber,
            bornAt,
          ])
        ).length > 0,
      authorization: async (motherId, applicantId) => {
        const row = (
          await q.query<{ grantee_role: 'father'; signed_at: Date }>(
            'select grantee_role, signed_at from authorizations where mother_id_number = $1 and grantee_id_number = $2',
            [motherId, applicantId],
          )
        )[0];
        return row ? { grantee: row.grantee_role, signedAt: new Date(row.signed_at).toISOString() } : null;
      },
      fatherConfirmation: async (motherId, fatherId) => {
        const row = (
          await q.query<{ confirmed_at: Date }>(
            'select confirmed_at from father_confirmations where mother_id_number = $1 and father_id_number = $2',
            [motherId, fatherId],
          )
        )[0];
        return row ? { confirmedAt: new Date(row.confirmed_at).toISOString(), faceVerified: true } : null;
      },
    });
    return { facts, evaluation: evaluate({ policy: getPolicy(region), facts, at, calendar }) };
  }

  /**
   * The mother authorizes the father to apply (授权委托书, 003 附件3), signing in her own login.
   * The letter's system-filled fields come from the registries; its digest is what she signs.
   */
  async authorize(
    motherIdNumber: string,
    signaturePng: Buffer,
  ): Promise<{
    grantee: { role: 'father'; name: string; idNumber: string };
    letterDigest: string;
    signedAt: string;
  }> {
    const { shared, db, clock } = this.deps;
    const mother = await shared.person(motherIdNumber);
    const marriage = await shared.marriageOf(motherIdNumber);
    const father =
      marriage?.wifeIdNumber === motherIdNumber ? await shared.person(marriage.husbandIdNumber) : null;
    if (!mother || !father) {
      throw new AppError(
        'NOT_FOUND',
        {
          zh: 'grantee：共享数据中没有查到您的配偶，无法授权',
          en: 'grantee: the shared data shows no spouse to authorize',
        },
        { field: 'grantee' },
      );
    }
    const at = clock.now().toISOString();
    const letter = {
      grantor: { name: mother.name, idNumber: mother.idNumber },
      grantee: { name: father.name, idNumber: father.idNumber, role: 'father' },
      signedAt: at,
    };
    const letterDigest = digestOf(letter);
    await db.query(
      `insert into authorizations (mother_id_number, grantee_id_number, grantee_role, letter_digest, image_sha256, image_png, signed_at)
       values ($1, $2, 'father', $3, $4, $5, $6)
       on conflict (mother_id_number, grantee_id_number) do update set letter_digest = excluded.letter_digest, image_sha256 = excluded.image_sha256, image_png = excluded.image_png, signed_at = excluded.signed_at`,
      [
        mother.idNumber,
        father.idNumber,
        letterDigest,
        createHash('sha256').update(signaturePng).digest('hex'),
        signaturePng,
        at,
      ],
    );
    return {
      grantee: { role: 'father', name: father.name, idNumber: father.idNumber },
      letterDigest,
      signedAt: at,
    };
  }

  /**
   * The father confirms the application in his own login, after face verification (Anhui 附件2
   * 二 1). Only a confirmation whose face check passed is recorded.
   */
  async confirmFather(
    fatherIdNumber: string,
    photoPng: Buffer,
  ): Promise<{ motherIdNumber: string; confirmedAt: string }> {
    const { shared, db, clock } = this.deps;
    const marriage = await shared.marriageOf(fatherIdNumber);
    if (!marriage || marriage.husbandIdNumber !== fatherIdNumber) {
      throw new AppError(
        'NOT_FOUND',
        {
          zh: 'applicant：共享数据中没有查到您的婚姻登记，无法确认',
          en: 'applicant: the shared data shows no marriage for you to confirm',
        },
        { field: 'applicant' },
      );
    }
    const score = await this.faceScore(fatherIdNumber, photoPng);
    const at = clock.now().toISOString();
    await db.query(
      `insert into father_confirmations (mother_id_number, father_id_number, face_score, confirmed_at) values ($1, $2, $3, $4)
       on conflict (mother_id_number, father_id_number) do update set face_score = excluded.face_score, confirmed_at = excluded.confirmed_at`,
      [marriage.wifeIdNumber, fatherIdNumber, score, at],
    );
    return { motherIdNumber: marriage.wifeIdNumber, confirmedAt: at };
  }

  async decide(decision: Decision): Promise<DecisionResult> {
    return (await this.decideMany([decision]))[0]!;
  }

  /**
   * Department decisions, many per transaction. A decision already received (same txnId) returns
   * the stored answer and changes nothing; one that does not fit the item's state is refused
   * alone, without failing the others.
   */
  async decideMany(decisions: Decision[]): Promise<DecisionResult[]> {
    // Bounded transactions: PostgreSQL takes at most 65,535 parameters in one statement.
    if (decisions.length > BATCH) return inBatches(decisions, (slice) => this.decideMany(slice));
    const { db, clock, calendar } = this.deps;
    const at = clock.now();
    return db.transaction(async (tx) => {
      const cases = new WorkingCases(
        await loadCasesForUpdate(tx, [...new Set(decisions.map((d) => d.caseId))]),
      );
      const key = (department: string, txnId: string) => `${department}\u0000${txnId}`;
      const stored = new Map(
        (
          await tx.query<{
            department: string;
            txn_id: string;
            case_id: string;
            item: string;
            response: DecisionResult;
          }>(
            `select department, txn_id, case_id, item, response from inbound_decisions
         where (department, txn_id) in (select * from unnest($1::text[], $2::text[]))`,
            [decisions.map((d) => d.department), decisions.map((d) => d.txnId)],
          )
        ).map((r) => [
          key(r.department, r.txn_id),
          { caseId: r.case_id, item: r.item, response: r.response },
        ]),
      );

      const results: DecisionResult[] = [];
      const received: unknown[] = [];
      for (const d of decisions) {
        const previous = stored.get(key(d.department, d.txnId));
        if (previous) {
          // The same id for a different case or item is not a replay: refuse it, change nothing.
          if (previous.caseId !== d.caseId || previous.item !== d.item) {
            results.push({
              txnId: d.txnId,
              ok: false,
              error: new AppError(
                'CONFLICT',
                {
                  zh: `txnId：交易号 ${d.txnId} 已用于其他事项`,
                  en: `txnId: ${d.txnId} was already used for another item`,
                },
                { field: 'txnId' },
              ).toJSON(),
            });
          } else {
            results.push(previous.response.ok ? { ...previous.response, replayed: true } : previous.response);
          }
          continue;
        }
        const state = cases.state(d.caseId);
        let result: DecisionResult;
        if (!state) {
          result = { txnId: d.txnId, ok: false, error: caseNotFound(d.caseId).toJSON() };
        } else {
          try {
            const after = cases.apply(d.caseId, commands.decide(state, d, at, calendar));
            result = {
              txnId: d.txnId,
              ok: true,
              caseId: d.caseId,
              item: d.item,
              status: after.items[d.item]!.status,
              replayed: false,
            };
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            result = { txnId: d.txnId, ok: false, error: e.toJSON() };
          }
        }
        results.push(result);
        stored.set(key(d.department, d.txnId), { caseId: d.caseId, item: d.item, response: result });
        received.push(d.department, d.txnId, d.caseId, d.item, at.toISOString(), result);
      }
      await this.commit(tx, cases.appends(), at);
      if (received.length) {
        await tx.query(
          `insert into inbound_decisions (department, txn_id, case_id, item, received_at, response) values ${valuesList(received.length / 6, 6, ['', '', '', '', 'timestamptz', 'jsonb'])}`,
          received,
        );
      }
      return results;
    });
  }

  /** EMS tracking updates, many per transaction; a status already recorded is ignored. */
  async track(updates: TrackingUpdate[]): Promise<void> {
    if (!updates.length) return;
    if (updates.length > BATCH) {
      await inBatches(updates, async (slice) => {
        await this.track(slice);
        return [];
      });
      return;
    }
    const { db, clock, calendar } = this.deps;
    await db.transaction(async (tx) => {
      const cases = new WorkingCases(
        await loadCasesForUpdate(tx, [...new Set(updates.map((u) => u.caseId))]),
      );
      for (const u of updates) {
        const state = cases.state(u.caseId);
        if (state) cases.apply(u.caseId, commands.track(state, u, calendar));
      }
      await this.commit(tx, cases.appends(), clock.now());
    });
  }

  async answerSupplement(caseId: string, item: ItemId, byIdNumber: string, note: string): Promise<CaseState> {
    return this.mutate(caseId, byIdNumber, (state, at) =>
      commands.answerSupplement(state, item, note, at, this.deps.calendar),
    );
  }

  async rate(
    caseId: string,
    item: ItemId,
    byIdNumber: string,
    score: number,
    comment: string,
  ): Promise<CaseState> {
    return this.mutate(caseId, byIdNumber, (state, at) => commands.rate(state, item, score, comment, at));
  }

  /** Flag overdue items and cases, a batch at a time. Returns how many events it wrote. */
  async sweepOverdue(batch = BATCH): Promise<number> {
    const { db, clock } = this.deps;
    const at = clock.now();
    const due = await db.query<{ case_id: string }>(
      `select distinct case_id from case_items where status = 'dispatched' and holder = 'department' and not overdue and deadline < $1
       union select id from cases where status = 'in-progress' and not overdue and promised_deadline < $1 limit $2`,
      [at.toISOString(), batch],
    );
    if (!due.length) return 0;
    return db.transaction(async (tx) => {
      const cases = await loadCasesForUpdate(
        tx,
        due.map((r) => r.case_id),
      );
      const appends = [...cases.entries()].map(([caseId, loaded]) => ({
        caseId,
        before: loaded,
        events: commands.markOverdue(loaded.state, at),
      }));
      await this.commit(tx, appends, at);
      return appends.reduce((n, a) => n + a.events.length, 0);
    });
  }

  private async mutate(
    caseId: string,
    byIdNumber: string,
    fn: (state: CaseState, at: Date) => CaseEvent[],
  ): Promise<CaseState> {
    const at = this.deps.clock.now();
    return this.deps.db.transaction(async (tx) => {
      const loaded = (await loadCasesForUpdate(tx, [caseId])).get(caseId);
      // Someone else's case is reported as absent, not as forbidden: its existence is private.
      if (
        !loaded ||
        (loaded.state.applicant.idNumber !== byIdNumber && loaded.state.motherIdNumber !== byIdNumber)
      ) {
        throw caseNotFound(caseId);
      }
      const states = await this.commit(tx, [{ caseId, before: loaded, events: fn(loaded.state, at) }], at);
      return states.get(caseId) ?? loaded.state;
    });
  }

  /** Events, projections, outbox and inbox, all in the caller's transaction. */
  private async commit(tx: Queryable, appends: CaseAppend[], at: Date): Promise<Map<string, CaseState>> {
    const states = await appendEvents(tx, appends, at);
    const outbox: OutboxMessage[] = [];
    const inbox: InboxMessage[] = [];
    for (const a of appends) {
      const state = states.get(a.caseId);
      if (!state) continue;
      const firstSeq = (a.before?.state.version ?? 0) + 1;
      const m = messagesFor(
        getPolicy(state.region),
        state,
        a.events.map((event, i) => ({ seq: firstSeq + i, event })),
      );
      outbox.push(...m.outbox);
      inbox.push(...m.inbox);
    }
    await enqueue(tx, outbox, at);
    if (inbox.length) {
      await tx.query(
        `insert into notifications (case_id, recipient_id_number, template, body, created_at) values ${valuesList(inbox.length, 5, ['', '', '', 'jsonb', 'timestamptz'])}`,
        inbox.flatMap((n) => [n.caseId, n.recipientIdNumber, n.template, n.body, at.toISOString()]),
      );
    }
    return states;
  }
}

export async function enqueue(tx: Queryable, messages: OutboxMessage[], at: Date): Promise<void> {
  if (!messages.length) return;
  await tx.query(
    `insert into outbox (kind, topic, idempotency_key, case_id, payload, available_at, created_at)
     values ${valuesList(messages.length, 7, ['', '', '', '', 'jsonb', 'timestamptz', 'timestamptz'])}
     on conflict (idempotency_key) do nothing`,
    messages.flatMap((m) => [
      m.kind,
      m.topic,
      m.idempotencyKey,
      m.caseId,
      m.payload,
      at.toISOString(),
      at.toISOString(),
    ]),
  );
}

/** The policy's limit without its citation: what the case carries into its events. */
function slaMeasure(sla: Sla): SlaMeasure {
  return sla.unit === 'on-the-spot' ? { unit: sla.unit } : { unit: sla.unit, value: sla.value };
}

/**
 * The signature binds the exact form reviewed: if anything the form is built from changed since
 * (the registries, the choices), the digest differs and the applicant must review and sign again.
 */
function checkSignature(
  input: ApplicationInput,
  form: CaseForm,
  at: Date,
  coSigners: { role: ParentRole; idNumber: string }[],
): CaseSubmission['signature'] {
  if (!input.signature) return null;
  const formDigest = digestOf(form);
  if (input.signature.formDigest !== formDigest) {
    throw new AppError(
      'CONFLICT',
      {
        zh: 'signature.formDigest：签名后表单内容已变化，请重新核对并签名',
        en: 'signature.formDigest: the form changed after it was signed; review it and sign again',
      },
      { field: 'signature.formDigest' },
    );
  }
  const others = input.signature.others ?? [];
  const missing = coSigners.filter((c) => !others.some((o) => o.role === c.role));
  const extra = others.filter((o) => !coSigners.some((c) => c.role === o.role));
  if (missing.length || extra.length) {
    const who = (r: ParentRole) =>
      r === 'mother' ? { zh: '母亲', en: 'the mother' } : { zh: '父亲', en: 'the father' };
    const [zh, en] = missing.length
      ? [
          `本地区申请表需由${missing.map((m) => who(m.role).zh).join('、')}一同签名`,
          `this region's form is also signed by ${missing.map((m) => who(m.role).en).join(' and ')}`,
        ]
      : [
          `不需要${extra.map((o) => who(o.role).zh).join('、')}签名`,
          `no signature of ${extra.map((o) => who(o.role).en).join(' or ')} is asked for`,
        ];
    throw new AppError(
      'INVALID_INPUT',
      { zh: `signature.others：${zh}`, en: `signature.others: ${en}` },
      { field: 'signature.others' },
    );
  }
  const sha = (png: Buffer) => createHash('sha256').update(png).digest('hex');
  return {
    signerIdNumber: input.applicant.idNumber,
    formDigest,
    imageSha256: sha(input.signature.imagePng),
    signedAt: at.toISOString(),
    ...(coSigners.length
      ? {
          coSigners: coSigners.map((c) => ({
            ...c,
            imageSha256: sha(others.find((o) => o.role === c.role)!.imagePng),
          })),
        }
      : {}),
  };
}

/** Run a batch command over slices of at most BATCH, one transaction each, keeping the results in order. */
async function inBatches<T, R>(items: T[], run: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) results.push(...(await run(items.slice(i, i + BATCH))));
  return results;
}

/**
 * The cases one transaction has locked: commands see each case as changed by the commands before
 * them in the batch, and all their events are appended together at the end.
 */
class WorkingCases {
  private readonly changed = new Map<string, { state: CaseState; events: CaseEvent[] }>();

  constructor(private readonly loaded: Map<string, LoadedCase>) {}

  state(caseId: string): CaseState | undefined {
    return this.changed.get(caseId)?.state ?? this.loaded.get(caseId)?.state;
  }

  apply(caseId: string, events: CaseEvent[]): CaseState {
    const entry = this.changed.get(caseId) ?? { state: this.state(caseId)!, events: [] };
    for (const e of events) entry.state = applyEvent(entry.state, e, caseId);
    entry.events.push(...events);
    this.changed.set(caseId, entry);
    return entry.state;
  }

  appends(): CaseAppend[] {
    return [...this.changed.entries()].map(([caseId, c]) => ({
      caseId,
      before: this.loaded.get(caseId)!,
      events: c.events,
    }));
  }
}
