import pMap from 'p-map';
import { setTimeout as pause } from 'node:timers/promises';
import { openItemCount, settledCaseCount } from '../store/report-store.ts';
import type { SimulationSetup } from './simulation-setup.ts';
import { deliverSimulated } from './simulated-world.ts';

/**
 * How long a loop that found nothing rests before it looks again, ms. The outbox is looked at every few
 * milliseconds rather than woken by its doorbell as a server's is (migration 0027): woken at every
 * commit, it sent each case's rows alone, in more and smaller transactions, and a 60-family replay on
 * PGlite took 8.1 s instead of 5.3. A server wants the doorbell's latency; the replay measures throughput.
 */
const REST_MS = { outbox: 5, departments: 5, families: 10, sweeper: 1000, watch: 50 };

/**
 * The parties side by side, as a server runs them: families apply as they arrive, the outbox worker
 * sends whatever is due, the departments' decisions come back as they are made, families act when an
 * item waits for them, and the sweeper flags overdue work; each in its own loop, none waiting for
 * another's round. The rounds (simulation.ts) make Node and the database take turns, which measures
 * the driver more than the engine.
 *
 * The run ends when every family has applied and, twice in a row with every loop having looked again
 * in between, no loop found work and nothing is due anywhere (the outbox, the departments, the post,
 * a family's next step); with several processes on one store, also when no item is open anywhere.
 */
export async function driveLive(s: SimulationSetup): Promise<void> {
  const { o, shard, clock, engine, worker, departments, ems, arrivals, state, concurrency } = s;
  if (!o.realClock) throw new Error('a live simulation runs on the wall clock (realClock)');
  let applying = true;
  let stopped = false;
  let wake!: () => void;
  const stopping = new Promise<void>((r) => (wake = r));
  const halt = () => {
    stopped = true;
    wake();
  };
  const rest = (ms: number) => Promise.race([pause(ms), stopping]);

  // Each loop's looks so far, and whether its last look found work.
  const looks = { outbox: 0, departments: 0, families: 0 };
  const found = { outbox: true, departments: true, families: true };
  const loop = async (name: keyof typeof looks, look: () => Promise<boolean>) => {
    while (!stopped) {
      found[name] = await look();
      looks[name]++;
      if (!found[name]) await rest(REST_MS[name]);
    }
  };

  const applications = async () => {
    await pMap(
      arrivals,
      async (a) => {
        const wait = a.at - clock.now().getTime();
        if (wait > 0) await pause(wait);
        if (stopped) return;
        await s.apply(a);
        state.nextArrival++;
      },
      { concurrency },
    );
    applying = false;
  };
  const outbox = () => loop('outbox', async () => (await worker.drain(1000, o.outboxLanes)).claimed > 0);
  const decisions = () =>
    loop('departments', async () => {
      const delivered = await deliverSimulated(engine, Object.values(departments), ems, clock.now());
      state.counts.supplemented += delivered.filter(
        (d) => d.decision.outcome === 'supplement' && d.result.ok,
      ).length;
      return delivered.length > 0;
    });
  const families = () =>
    loop('families', async () => {
      const acting = await s.actingNow(clock.now().getTime());
      await pMap(acting, s.act, { concurrency });
      return acting.length > 0;
    });
  const progress = async () => o.onProgress?.((await settledCaseCount(o.db)) + state.counts.refused, o.cases);
  const sweeper = async () => {
    while (!stopped) {
      await engine.sweeper.sweepOverdue();
      await progress();
      await rest(REST_MS.sweeper);
    }
  };

  const quiet = async () =>
    !applying &&
    !found.outbox &&
    !found.departments &&
    !found.families &&
    s.familyActs.size === 0 &&
    !(await worker.nextAvailableAt()) &&
    !(await ems.nextDueAt()) &&
    (await Promise.all(Object.values(departments).map((d) => d.nextDueAt()))).every((d) => !d) &&
    (shard.count === 1 || !(await openItemCount(o.db, o.region)));
  const watch = async () => {
    let before = { ...looks };
    for (let calm = 0; calm < 2 && !stopped;) {
      await rest(REST_MS.watch);
      const lookedAgain = (Object.keys(looks) as (keyof typeof looks)[]).every((k) => looks[k] > before[k]);
      before = { ...looks };
      calm = lookedAgain && (await quiet()) ? calm + 1 : 0;
    }
  };

  // A loop that fails stops the others, and its error is the run's once they have all stopped.
  const results = await Promise.allSettled(
    [applications, outbox, decisions, families, sweeper, watch].map((run) =>
      run().then(
        () => run === watch && halt(),
        (e: unknown) => {
          halt();
          throw e;
        },
      ),
    ),
  );
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  await progress();
}
