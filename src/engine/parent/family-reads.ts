import DataLoader from 'dataloader';
import { caseIdsByClientTxn, casesOfBabies, type CaseOfBaby } from '../../store/case-lookup-store.ts';
import type { Queryable } from '../../store/db.ts';
import {
  authorizationsOf,
  fatherConfirmationsOf,
  verifiedFacesOf,
  type Authorization,
  type FatherConfirmation,
} from '../../store/family-store.ts';
import { coSignaturesFor, type CoSignature } from '../../store/invitation-store.ts';
import { uploadsOf, type StoredUpload } from '../../store/upload-store.ts';

/** Each kind of family record, read for many families in one set-based statement. */
export interface FamilyBatches {
  babies(keys: readonly string[]): Promise<readonly (CaseOfBaby | null | Error)[]>;
  clientTxns(asked: readonly Txn[]): Promise<readonly (string | null | Error)[]>;
  authorizations(mothers: readonly string[]): Promise<readonly (Authorization[] | Error)[]>;
  confirmations(mothers: readonly string[]): Promise<readonly (FatherConfirmation[] | Error)[]>;
  faces(mothers: readonly string[]): Promise<readonly (Set<string> | Error)[]>;
  uploads(asked: readonly UploadsAsked[]): Promise<readonly (StoredUpload[] | Error)[]>;
  coSignatures(asked: readonly CoSignaturesAsked[]): Promise<readonly (CoSignature[] | Error)[]>;
}

function storeBatches(q: Queryable): FamilyBatches {
  const byKey =
    <V>(load: (keys: readonly string[]) => Promise<Map<string, V>>, absent: () => V) =>
    async (keys: readonly string[]) => {
      const found = await load(keys);
      return keys.map((k) => found.get(k) ?? absent());
    };
  return {
    babies: byKey<CaseOfBaby | null>(
      (keys) => casesOfBabies(q, keys),
      () => null,
    ),
    clientTxns: (asked) => caseIdsByClientTxn(q, asked),
    authorizations: byKey<Authorization[]>(
      (mothers) => authorizationsOf(q, mothers),
      () => [],
    ),
    confirmations: byKey<FatherConfirmation[]>(
      (mothers) => fatherConfirmationsOf(q, mothers),
      () => [],
    ),
    faces: byKey(
      (mothers) => verifiedFacesOf(q, mothers),
      () => new Set<string>(),
    ),
    uploads: (asked) => uploadsOf(q, asked),
    coSignatures: (asked) => coSignaturesFor(q, asked),
  };
}

/**
 * The pre-reviews' reads across the whole process, outside any transaction. A read of a kind waits
 * while one statement of that kind is out, and every read that arrived meanwhile goes in the next
 * statement: alone, a read goes at once; under load, the parents reviewing at the same moment are
 * read together, as the group commit reads its applications (submissions.ts). Nothing is kept
 * between statements: each reads the store as it is.
 */
export function sharedFamilyBatches(q: Queryable): FamilyBatches {
  const b = storeBatches(q);
  return {
    babies: oneAtATime(b.babies),
    clientTxns: oneAtATime(b.clientTxns),
    authorizations: oneAtATime(b.authorizations),
    confirmations: oneAtATime(b.confirmations),
    faces: oneAtATime(b.faces),
    uploads: oneAtATime(b.uploads),
    coSignatures: oneAtATime(b.coSignatures),
  };
}

function oneAtATime<K, V>(read: (keys: readonly K[]) => Promise<readonly (V | Error)[]>) {
  let running = false;
  const waiting: (() => void)[] = [];
  const loader = new DataLoader<K, V, unknown>(
    async (keys) => {
      running = true;
      try {
        return await read(keys);
      } finally {
        running = false;
        waiting.shift()?.();
      }
    },
    {
      cache: false,
      batchScheduleFn: (dispatch) => (running ? waiting.push(dispatch) : setImmediate(dispatch)),
    },
  );
  return (keys: readonly K[]) => loader.loadMany(keys);
}

/**
 * What the pre-review and the submission read about a family, asked one family at a time. Every
 * family asking in the same turn of the event loop is answered by one set-based statement per kind
 * of record, so a group of submissions (submissions.ts) reads twenty families in as many statements
 * as one. Answers are kept for the life of this object: one pre-review, or one group's transaction.
 * Outside a transaction, the process's shared batches (sharedFamilyBatches) read it with others'.
 */
export class FamilyReads {
  private readonly babies: DataLoader<string, CaseOfBaby | null>;
  private readonly clientTxns: DataLoader<Txn, string | null, string>;
  private readonly authorizations: DataLoader<string, Authorization[]>;
  private readonly confirmations: DataLoader<string, FatherConfirmation[]>;
  private readonly faces: DataLoader<string, Set<string>>;
  private readonly uploadRows: DataLoader<UploadsAsked, StoredUpload[], string>;
  private readonly coSignatureRows: DataLoader<CoSignaturesAsked, CoSignature[], string>;

  constructor(
    private readonly q: Queryable,
    batches: FamilyBatches = storeBatches(q),
  ) {
    const keyed = { cacheKeyFn: JSON.stringify };
    this.babies = new DataLoader(batches.babies);
    this.clientTxns = new DataLoader(batches.clientTxns, keyed);
    this.authorizations = new DataLoader(batches.authorizations);
    this.confirmations = new DataLoader(batches.confirmations);
    this.faces = new DataLoader(batches.faces);
    this.uploadRows = new DataLoader(batches.uploads, keyed);
    this.coSignatureRows = new DataLoader(batches.coSignatures, keyed);
  }

  /** The case this baby already has (one baby, one case). */
  caseOfBaby(babyKey: string): Promise<CaseOfBaby | null> {
    return this.babies.load(babyKey);
  }

  /** The case an applicant's earlier sending of this very submission made (a double tap, a retry). */
  caseIdByClientTxn(applicantIdNumber: string, clientTxnId: string): Promise<string | null> {
    return this.clientTxns.load({ applicantIdNumber, clientTxnId });
  }

  /** The mother's signed authorization letter for this grantee, if she gave one. */
  async authorization(motherIdNumber: string, granteeIdNumber: string) {
    const wanted = this.q.personal.index(granteeIdNumber);
    const a = (await this.authorizations.load(motherIdNumber)).find((x) => x.granteeIndex === wanted);
    return a ? { grantee: a.grantee, signedAt: a.signedAt } : null;
  }

  /** The father's confirmation of the family's details in his own login, if he gave it. */
  async fatherConfirmation(motherIdNumber: string, fatherIdNumber: string) {
    const wanted = this.q.personal.index(fatherIdNumber);
    const c = (await this.confirmations.load(motherIdNumber)).find((x) => x.fatherIndex === wanted);
    return c ? { confirmedAt: c.confirmedAt } : null;
  }

  /** The ID numbers of the family's parents whose face check passed. */
  verifiedFaces(motherIdNumber: string): Promise<Set<string>> {
    return this.faces.load(motherIdNumber);
  }

  /** Those of the named uploads that are this owner's. */
  uploads(ownerIdNumber: string, ids: readonly string[]): Promise<StoredUpload[]> {
    return this.uploadRows.load({ ownerIdNumber, ids });
  }

  /** The other parents' signatures over exactly this form. */
  coSignatures(motherIdNumber: string, formDigest: string): Promise<CoSignature[]> {
    return this.coSignatureRows.load({ motherIdNumber, formDigest });
  }
}

interface Txn {
  applicantIdNumber: string;
  clientTxnId: string;
}
interface UploadsAsked {
  ownerIdNumber: string;
  ids: readonly string[];
}
interface CoSignaturesAsked {
  motherIdNumber: string;
  formDigest: string;
}
