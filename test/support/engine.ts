import { officialCalendar } from '../../src/calendar/official-calendar.ts';
import type { Calendar } from '../../src/domain/calendar.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { DEFAULT_NAME_MAX_LENGTH } from '../../src/domain/person-name.ts';
import { simulateEms } from '../../src/departments/ems.ts';
import { simulatePayments } from '../../src/departments/payments.ts';
import { createEngine, type Engine, type EngineDeps } from '../../src/engine/index.ts';
import { simulatedFaceVerifier, type FaceVerifier } from '../../src/registries/face-verification.ts';
import type { SimulatedRegistries } from '../../src/registries/simulated-registries.ts';
import type { Db } from '../../src/store/db.ts';
import { devChainKeys } from '../../src/store/event-chain.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlobStore } from '../../src/blobs/port.ts';
import { fsBlobStore } from '../../src/blobs/fs-blob-store.ts';

/** An engine on the given store, registries and clock, with the built-in simulated post and cashier. */
export function testEngine(o: {
  db: Db;
  clock: Clock;
  shared: SimulatedRegistries;
  newCaseId: () => string;
  calendar?: Calendar;
  faces?: FaceVerifier;
  settings?: Partial<EngineDeps['settings']>;
  departmentModes?: EngineDeps['departmentModes'];
  publicBaseUrl?: string;
  /** Uploaded files; a fresh temporary directory unless given. */
  blobs?: BlobStore;
}): Engine & {
  cashier: ReturnType<typeof simulatePayments>;
  post: Engine['post'] & { ems: ReturnType<typeof simulateEms> };
} {
  const ems = simulateEms();
  const cashier = simulatePayments({ notify: (n) => engine.payments.record(n) });
  const engine = createEngine({
    db: o.db,
    clock: o.clock,
    calendar: o.calendar ?? officialCalendar(),
    shared: o.shared,
    faces: o.faces ?? simulatedFaceVerifier(async (id) => (await o.shared.person(id)) !== null),
    ems,
    payments: cashier,
    newCaseId: o.newCaseId,
    receiptKey: 'test-receipt-key',
    chain: devChainKeys(),
    blobs: o.blobs ?? fsBlobStore(mkdtempSync(join(tmpdir(), 'onething-test-blobs-'))),
    publicBaseUrl: () => o.publicBaseUrl ?? 'https://onething.test',
    // Unless told otherwise, the tests play every department themselves, as clerks or through the gateway.
    departmentModes: o.departmentModes ?? (() => 'workbench'),
    settings: { nameMaxLength: DEFAULT_NAME_MAX_LENGTH, ...o.settings },
  });
  return { ...engine, cashier, post: { ...engine.post, ems } };
}
