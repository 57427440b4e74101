import DataLoader from 'dataloader';
import { caseIdsByClientTxn, casesOfBabies, type CaseOfBaby } from '../../store/case-store.ts';
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

/**
 * What the pre-review and the submission read about a family, asked one family at a time. Every
 * family asking in the same turn of the event loop is answered by one set-based statement per kind
 * of record, so a group of submissions (submissions.ts) reads twenty families in as many statements
 * as one. Answers are kept for the life of this object: one pre-review, or one group's transaction.
 */
export class FamilyReads {
  private readonly babies: DataLoader<string, CaseOfBaby | null>;
  private readonly clientTxns: DataLoader<Txn, string | null, string>;
  private readonly authorizations: DataLoader<string, Authorization[]>;
  private readonly confirmations: DataLoader<string, FatherConfirmation[]>;
  private readonly faces: DataLoader<string, Set<string>>;
  private readonly uploadRows: DataLoader<UploadsAsked, StoredUpload[], string>;
  private readonly coSignatureRows: DataLoader<CoSignaturesAsked, CoSignature[], string>;

  constructor(private readonly q: Queryable) {
    const byKey = <V>(load: (keys: readonly string[]) => Promise<Map<string, V>>, absent: () => V) =>
      new DataLoader<string, V>(async (keys) => {
        const found = await load(keys);
        return keys.map((k) => found.get(k) ?? absent());
      });
    this.babies = byKey<CaseOfBaby | null>(
      (keys) => casesOfBabies(q, keys),
      () => null,
    );
    this.authorizations = byKey<Authorization[]>(
      (mothers) => authorizationsOf(q, mothers),
      () => [],
    );
    this.confirmations = byKey<FatherConfirmation[]>(
      (mothers) => fatherConfirmationsOf(q, mothers),
      () => [],
    );
    this.faces = byKey(
      (mothers) => verifiedFacesOf(q, mothers),
      () => new Set<string>(),
    );
    this.clientTxns = new DataLoader((asked) => caseIdsByClientTxn(q, asked), { cacheKeyFn: JSON.stringify });
    this.uploadRows = new DataLoader((asked) => uploadsOf(q, asked), { cacheKeyFn: JSON.stringify });
    this.coSignatureRows = new DataLoader((asked) => coSignaturesFor(q, asked), {
      cacheKeyFn: JSON.stringify,
    });
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
