import type { Calendar } from '../domain/calendar.ts';
import type { Clock } from '../domain/clock.ts';
import type { FaceVerifier } from '../registries/face-verification.ts';
import type { SharedData } from '../registries/port.ts';
import type { Db } from '../store/db.ts';

/** What every use case is given: the store, time, the shared data and the face-check provider. */
export interface EngineDeps {
  db: Db;
  clock: Clock;
  calendar: Calendar;
  shared: SharedData;
  /** 人脸识别: the provider behind the face checks. */
  faces: FaceVerifier;
  newCaseId: () => string;
  /** Signs receipts (收件回执) so their QR codes can be verified. */
  receiptKey: string;
}
