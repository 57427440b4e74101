import { randomUUID } from 'node:crypto';
import type { DepartmentId } from './domain/ids.ts';
import { simulateEms } from './departments/ems.ts';
import { DEPARTMENTS, simulateAllDepartments } from './departments/index.ts';
import type { SimulatorOptions } from './departments/port.ts';
import { checkPushSettings, portsByMode, pushEndpoints, pushToDepartment } from './departments/push.ts';
import { createEngine } from './engine/index.ts';
import { followStoredCalendar } from './engine/operator/calendar.ts';
import { deliverSimulated } from './engine/simulated-world.ts';
import { simulatePayments } from './departments/payments.ts';
import { departmentModes } from './domain/organisation.ts';
import { demoOrganisations, demoStaff } from './registries/demo-organisations.ts';
import { upsertOrganisations, upsertStaff } from './store/staff-store.ts';
import { DEFAULT_NAME_MAX_LENGTH } from './domain/person-name.ts';
import { storedQueue } from './store/simulator-store.ts';
import { OutboxWorker } from './engine/outbox-worker.ts';
import { smsLog } from './engine/sms-log.ts';
import { logError, logWarning } from './log.ts';
import { buildApp } from './http/app.ts';
import { rateLimitsFromEnv, trustProxyFromEnv, type RateLimits } from './http/rate-limits.ts';
import { identityProvider } from './http/identity.ts';
import { oidcClient, oidcSettingsFromEnv } from './http/oidc.ts';
import { publicBaseUrlFromEnv } from './http/public-base-url.ts';
import { sessionTokens } from './http/sessions.ts';
import { POLICIES } from './policies/index.ts';
import { generateFamilies, sampleSituation } from './registries/population.ts';
import { simulatedFaceVerifier } from './registries/face-verification.ts';
import { simulatedRegistries } from './registries/simulated-registries.ts';
import { httpRegistries } from './registries/http-registries.ts';
import { httpEmsClient } from './departments/ems.ts';
import { httpSmsClient } from './departments/sms.ts';
import { httpPaymentClient } from './departments/payments.ts';
import { isProduction, productionSettings } from './production.ts';
import { openDb } from './store/db.ts';
import type { Clock } from './domain/clock.ts';
import { supervisionSettingsFromEnv } from './engine/supervisor/settings.ts';
import { uploadQuotaFromEnv } from './engine/parent/upload-quota.ts';
import { systemClock } from './system-clock.ts';
import { chainKeysFromEnv } from './store/event-chain.ts';
import { personalDataFromEnv } from './store/personal-data.ts';
import { fsBlobStore } from './blobs/fs-blob-store.ts';

export interface StartOptions {
  host: string;
  port: number;
  /** A real PostgreSQL; otherwise the embedded PGlite store in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Simulated departments answer within these many seconds (real time). */
  simulatorSeconds: { min: number; max: number };
  /** The built parents' app (web/citizen/dist), served at `/`. */
  webRoot?: string;
  /** Rejection, supplement and fault rates of the simulated departments (defaults: a few percent). */
  simulatorRates?: Partial<Pick<SimulatorOptions, 'rejectionRate' | 'supplementRate' | 'transientFaultRate'>>;
  /** Departments whose own systems work through the gateway instead of a simulator. */
  gatewayDepartments?: DepartmentId[];
  /** Who answers what, e.g. `police=workbench,fujian:hrss=gateway` (see domain/organisation.ts); the rest is simulated. */
  departmentModes?: string;
  /** Where push-mode departments take their tasks, e.g. `police=https://…` (default: DEPARTMENT_PUSH_URLS). */
  departmentPushUrls?: string;
  /** How much faster the simulated post runs than real time (1: real EMS times; tests use more). */
  postSpeedup?: number;
  /** Time for the whole server (tests pass a fake clock they move); the wall clock otherwise. */
  clock?: Clock;
  /** How often the sweeper flags overdue work and escalates it, in ms (default a minute). */
  sweepMs?: number;
  /** How often the outbox is polled for what its doorbell does not announce, in ms (default 500). */
  outboxPollMs?: number;
  /** Rate limits instead of the settings' (RATE_LIMIT_*): the browser tests send many requests from one address. */
  rateLimits?: RateLimits;
}

/**
 * The whole service on one machine: the store, the engine, the outbox worker, the department
 * simulators and the shared-data simulator with demo families, behind the HTTP API.
 * In production (production.ts) none of the simulators or demo data: the registries, the post and
 * the cashier over HTTP, departments on the workbench or their own systems, settings checked first.
 */
export async function startServer(o: StartOptions) {
  const prod = isProduction(process.env) ? productionSettings(process.env) : null;
  const databaseUrl = prod?.databaseUrl ?? o.databaseUrl;
  const db = await openDb({
    url: databaseUrl,
    dataDir: databaseUrl ? undefined : `${o.dataDir}/pglite`,
    // PERSONAL_DATA_KEY and PERSONAL_DATA_INDEX_KEY: production's start-up check made sure they are real.
    personal: personalDataFromEnv(process.env),
  });
  const clock = o.clock ?? systemClock;
  // The built-in calendar and the arrangements loaded with `onething calendar load`, followed as
  // they are loaded (another process may load one while this server runs).
  const calendar = await followStoredCalendar(db);
  // The simulated registries hold the demo families; production loads none and asks the platform.
  const shared = simulatedRegistries();
  const registries = prod && httpRegistries({ ...prod.registries, clock: systemClock });
  const demoLogins: { region: string; name: string; login: string }[] = [];
  for (const policy of prod ? [] : Object.values(POLICIES)) {
    const generated = generateFamilies(policy.region, 20, {
      seed: `demo-${policy.region}`,
      bornBy: clock.now(),
    });
    // One family has twins, born twelve minutes apart: each is a baby with a case of its own.
    const twins = [...generated].reverse().find((f) => f.situation.deliveryRecord);
    if (twins) {
      const first = twins.situation.baby;
      const second = {
        birthOrder: 2,
        sex: first.sex === 'male' ? 'female' : 'male',
        bornAt: new Date(new Date(first.bornAt).getTime() + 12 * 60_000).toISOString(),
      } as const;
      twins.situation.siblings = [second];
    }
    for (const f of generated) shared.load(f.situation);
    // Loaded last, so the app's login picker lists it first. The sample baby is born yesterday, so
    // every region's age limits hold today.
    const sample = sampleSituation(policy.region);
    sample.baby.bornAt = new Date(clock.now().getTime() - 86_400_000).toISOString();
    const family = shared.load(sample);
    demoLogins.push({
      region: policy.region,
      name: family.mother.name,
      login: `Bearer dev:${family.mother.idNumber}`,
    });
    // The region's organisations and their clerks; the sample family's hospital, police station and
    // HRSS office are listed, the three a person plays in the demo.
    const orgs = demoOrganisations(policy.region);
    await upsertOrganisations(db, orgs);
    await upsertStaff(db, demoStaff(orgs));
    // The baby registers with whichever parent the family chooses in the app: both parents' counties.
    const homes = [family.father?.hukou?.divisionCode, family.mother.hukou?.divisionCode];
    for (const org of orgs.filter(
      (x) =>
        (x.department === 'midwifery-institution' &&
          x.institution === sample.baby.birthPlace?.institutionName) ||
        (['police', 'hrss'].includes(x.department) && homes.some((c) => c && x.counties.includes(c))),
    ))
      demoLogins.push({
        region: policy.region,
        name: org.name.zh,
        login: `Bearer dev-staff:${org.id}-clerk`,
      });
  }

  // The simulators keep what they accepted in the store, so a restart loses no task or parcel.
  const departments = simulateAllDepartments(
    {
      seed: randomUUID(),
      now: () => clock.now(),
      latencyMs: { min: o.simulatorSeconds.min * 1000, max: o.simulatorSeconds.max * 1000 },
      ...o.simulatorRates,
    },
    (department) => storedQueue(db, department),
  );
  // Who answers each department in each region. A department on the workbench or its own system
  // (gateway) takes its tasks from the store, where the dispatch is durable; the simulator and a
  // push-mode system (DEPARTMENT_PUSH_URLS) are sent each task.
  const modeOf = departmentModes(
    prod?.departmentModes ??
      [...(o.gatewayDepartments ?? []).map((d) => `${d}=gateway`), o.departmentModes ?? ''].join(','),
  );
  const pushUrls = pushEndpoints(o.departmentPushUrls ?? process.env.DEPARTMENT_PUSH_URLS ?? '');
  const simulators = Object.values(departments);
  const ports = portsByMode({
    modeOf,
    simulators,
    push: (department) =>
      pushToDepartment({ department, endpoint: pushUrls, key: gatewayKeys[department], clock }),
  });
  const ems = simulateEms({ queue: storedQueue(db, 'ems'), compress: o.postSpeedup ?? 1 });
  const post = prod ? httpEmsClient(prod.ems) : ems;
  const settings = {
    nameMaxLength: Number(process.env.NAME_MAX_LENGTH ?? DEFAULT_NAME_MAX_LENGTH),
    supervision: supervisionSettingsFromEnv(process.env),
    uploadQuota: uploadQuotaFromEnv(process.env),
  };
  if (!Number.isInteger(settings.nameMaxLength) || settings.nameMaxLength < 2) {
    throw new Error('NAME_MAX_LENGTH must be a whole number of characters, at least 2');
  }
  // The simulated cashier notifies the engine, as a real provider's signed notice would.
  const payments = simulatePayments({
    notify: (notice) => engine.payments.record(notice),
    queue: storedQueue(db, 'payments'),
  });
  const configuredBaseUrl = publicBaseUrlFromEnv(process.env, {
    production: !!prod,
  });
  let listening = `http://${o.host}:${o.port}`;
  const engine = createEngine({
    db,
    // Uploaded files, outside the tables: BLOB_DIR (required in production), else beside the data.
    blobs: fsBlobStore(prod?.blobDir ?? process.env.BLOB_DIR ?? `${o.dataDir}/blobs`),
    receiptKey: prod?.receiptKey ?? process.env.RECEIPT_KEY ?? 'dev-receipt-key',
    // EVENT_CHAIN_KEY: production's start-up check made sure it is set and not the development key.
    chain: chainKeysFromEnv(process.env),
    // Configured, or (development) the listen address once listening; never a request header.
    publicBaseUrl: () => configuredBaseUrl ?? listening,
    clock,
    calendar,
    shared: registries || shared,
    faces: registries || simulatedFaceVerifier(async (id) => (await shared.person(id)) !== null),
    ems: post,
    payments: prod ? httpPaymentClient(prod.payments) : payments,
    settings,
    departmentModes: modeOf,
    newCaseId: () =>
      `C${clock.now().getTime().toString(36).toUpperCase()}${randomUUID().slice(0, 4).toUpperCase()}`,
  });
  // Before serving: an older store's plain chain is keyed once and anchored; a new key gets its checkpoint.
  const keying = await engine.chain.keyAtStart();
  if (keying.rekeyed || keying.broken.length)
    logWarning(
      { where: 'start', code: 'CHAIN_REKEYED' },
      `event chain: ${keying.rekeyed} cases re-keyed with EVENT_CHAIN_KEY; ${keying.broken.length} left as found (onething verify names them)`,
    );
  // Chain heads anchored every CHECKPOINT_EVERY_MINUTES (default 60) by the sweeper, when any moved.
  const checkpointEveryMs = Number(process.env.CHECKPOINT_EVERY_MINUTES ?? 60) * 60_000;
  if (!(checkpointEveryMs > 0))
    throw new Error('CHECKPOINT_EVERY_MINUTES must be a positive number of minutes');
  const worker = new OutboxWorker({
    db,
    clock,
    workerId: `server-${process.pid}-${randomUUID().slice(0, 8)}`,
    departments: ports,
    sms: prod ? httpSmsClient(prod.sms) : smsLog(`${o.dataDir}/sms.log`),
    ems: post,
  });
  // The demo families' delivery records arrived with them: each mother is invited (免申即办, once per baby).
  await engine.parent.deliveryRecordsArrived(
    shared
      .families()
      .filter((f) => f.deliveryRecord)
      .map((f) => f.mother.idNumber),
  );
  const gatewayKeys = (prod?.gatewayKeys ??
    Object.fromEntries(Object.keys(DEPARTMENTS).map((d) => [d, `dev-key-${d}`]))) as Record<
    DepartmentId,
    string
  >;
  checkPushSettings(modeOf, pushUrls, gatewayKeys);

  // A unified-identity login when OIDC_ISSUER and its companions are set (see README).
  const oidcSettings = oidcSettingsFromEnv(process.env, {
    production: !!prod,
  });
  const sessionKey = prod?.sessionKey ?? process.env.SESSION_KEY ?? randomUUID();
  const sessions = sessionTokens(sessionKey, clock);
  const oidc = oidcSettings && {
    client: oidcClient(oidcSettings),
    sessions,
    sessionKey,
    redirectUri: oidcSettings.redirectUri,
    secureCookie: oidcSettings.redirectUri.startsWith('https:'),
    onRefused: (reason: string, detail: string) =>
      logWarning({ where: 'oidc callback', code: 'LOGIN_REFUSED' }, `${reason}: ${detail}`),
  };
  const identity = identityProvider({
    production: !!prod,
    sessions,
    oidc: !!oidc,
    supervisedRegions: engine.supervisor.regionsOf,
  });
  const app = await buildApp({
    engine,
    clock,
    identity,
    gatewayKeys,
    dev: prod ? null : { registries: shared, payments },
    paymentKeys: prod
      ? { [prod.payments.provider]: prod.payments.notifyKey }
      : { 'payments-dev': process.env.PAYMENT_KEY ?? 'dev-key-payments' },
    // The post's tracking reports (POST /api/ems/tracking), signed as `x-carrier: ems`.
    carrierKeys: { ems: prod?.ems.notifyKey ?? process.env.EMS_NOTIFY_KEY ?? 'dev-key-ems' },
    settings,
    production: !!prod,
    webRoot: o.webRoot,
    oidc,
    rateLimits: o.rateLimits ?? rateLimitsFromEnv(process.env),
    trustProxy: trustProxyFromEnv(process.env),
  });

  // The outbox is sent when its doorbell rings (a commit put rows in it, here or on another server)
  // and every half second for what is due later: a retry, a lease run out, a bell missed.
  let busy = false;
  let rungMeanwhile = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      do {
        rungMeanwhile = false;
        await worker.drain(20);
        if (!prod) await deliverSimulated(engine, simulators, ems, clock.now());
        await worker.drain(20);
      } while (rungMeanwhile);
    } catch (e) {
      logError({ where: 'outbox and simulators', code: 'RETRYING' }, e);
    } finally {
      busy = false;
    }
  };
  const stopListening = await db
    .onOutboxCommitted(() => {
      rungMeanwhile = true;
      void tick();
    })
    .catch((e: unknown) => {
      logError({ where: 'outbox doorbell', code: 'RETRYING' }, e);
      return async () => {};
    });
  const timers = [
    setInterval(tick, o.outboxPollMs ?? 500),
    // Overdue flags first, then escalations and rating follow-ups (each once, also across servers).
    setInterval(
      () =>
        void (async () => {
          await engine.sweeper.sweepOverdue();
          await engine.sweeper.escalate();
          await engine.sweeper.ratingFollowUps();
          await engine.sweeper.forgetExpiredNonces();
          await engine.sweeper.checkpoint(checkpointEveryMs);
        })().catch((e) => logError({ where: 'sweeper', code: 'RETRYING' }, e)),
      o.sweepMs ?? 60_000,
    ),
    // An arrangement loaded by `onething calendar load` (another process) counts here within seconds.
    setInterval(
      () =>
        void calendar.refresh().catch((e) => logError({ where: 'calendar refresh', code: 'RETRYING' }, e)),
      5_000,
    ),
  ];
  const address = await app.listen({ host: o.host, port: o.port });
  listening = address;

  const stop = async () => {
    timers.forEach(clearInterval);
    await stopListening();
    await app.close();
    await db.close();
  };
  return { app, address, demoLogins, gatewayKeys, stop, db, production: !!prod };
}
