import type { BlobStore } from '../blobs/port.ts';
import type { Calendar } from '../domain/calendar.ts';
import type { Clock } from '../domain/clock.ts';
import type { EmsPort } from '../departments/ems.ts';
import type { PaymentPort } from '../departments/payments.ts';
import type { FaceVerifier } from '../registries/face-verification.ts';
import type { SharedData } from '../registries/port.ts';
import type { DepartmentModes } from '../domain/organisation.ts';
import type { CaseCache } from '../store/case-cache.ts';
import type { Db } from '../store/db.ts';
import type { ChainKeys } from '../store/event-chain.ts';
import type { SupervisionSettings } from './supervisor/settings.ts';
import type { UploadQuota } from './parent/upload-quota.ts';
import type { FamilyBatches } from './parent/family-reads.ts';

/** What every use case is given: the store, time, the shared data and the outside services. */
export interface EngineDeps {
  db: Db;
  clock: Clock;
  calendar: Calendar;
  shared: SharedData;
  /** 人脸识别: the provider behind the face checks. */
  faces: FaceVerifier;
  /** The post's pickup times, for booking a two-way EMS pickup. */
  ems: Pick<EmsPort, 'pickupWindows'>;
  /** Where the family pays the premium the tax bureau assessed. */
  payments: PaymentPort;
  /** The new case's number; the simulation derives it from the client's transaction id. */
  newCaseId: (clientTxnId: string) => string;
  /** Uploaded files, by content hash, outside the database tables (BLOB_DIR; src/blobs). */
  blobs: BlobStore;
  /** The event chain's HMAC keys (EVENT_CHAIN_KEY): they sign every event and checkpoint. */
  chain: ChainKeys;
  /** Signs receipts (收件回执) so their QR codes can be verified. */
  receiptKey: string;
  /**
   * This service's public address (PUBLIC_BASE_URL), printed in the receipt's QR code: configured,
   * never taken from a request's Host header. A function, as in development it is the listen
   * address, known once the server listens.
   */
  publicBaseUrl: () => string;
  settings: EngineSettings;
  /** Who answers each department of each region: the workbench, the gateway or the simulator. */
  departmentModes: DepartmentModes;
  /** The pre-reviews' shared reads of families' records (createEngine makes them; one store, one set). */
  familyBatches?: FamilyBatches;
  /** The case documents this process last wrote or read (createEngine makes it; case-cache.ts). */
  caseCache?: CaseCache;
}

export interface EngineSettings {
  /** The longest whole name (surname and given name) a baby may have, in characters. */
  nameMaxLength: number;
  /** Escalation thresholds, service standards and the rating follow-up deadline (defaults if absent). */
  supervision?: SupervisionSettings;
  /** What one applicant may upload for one application (default DEFAULT_UPLOAD_QUOTA). */
  uploadQuota?: UploadQuota;
}
