import { RegionId } from '../domain/ids.ts';

/** `onething help`: every command, in one place. */
export const USAGE = `onething — 新生儿出生“一件事” / the newborn birth one-thing service

Usage:
  onething start [--port 3000] [--host 127.0.0.1] the server with the embedded database, simulators and
                                                  demo data (DATABASE_URL selects a real PostgreSQL)
  onething demo                                   each region's sample family, evaluated and explained
  onething regions                                the regions this build ships
  onething guide R | --region R                   the service guide (办事指南) as Markdown, from the rules
  onething evaluate --region R --input FILE|-     evaluate facts (JSON) and print the result as JSON
                    [--at 2026-11-20T10:00:00+08:00]   submission instant (default: now)
  onething schema facts [--region R]              the facts format as JSON Schema
  onething example --region R                     a sample facts file for the region
  onething simulate --region R --cases N [--json] [--seed S] [--start ISO] [--data DIR]
                    [--rejection-rate 0.02] [--supplement-rate 0.05] [--fault-rate 0.03] [--latency-hours 0.3-40]
                                                  run N synthetic families through every department
                                                  (in memory, on DATABASE_URL or in --data DIR), then
                                                  verify; stopped, it resumes when run again
  onething family sample --region R               a family situation as the shared data holds it
  onething family load --file F|- [--url URL]     load one into a running server's simulated registries
                                                  (development only; default URL http://127.0.0.1:3000)
  onething checkpoint [--out FILE]                anchor every case's chain head in the append-only
                                                  checkpoint table (signed, EVENT_CHAIN_KEY) and export
                                                  it to FILE (default onething-checkpoint-N.json): keep
                                                  that file outside the database
  onething verify [--checkpoint FILE]             check hash chains (keyed, against the latest checkpoint
                                                  and FILE), signed forms, projections and the outbox
                                                  (DATABASE_URL, or the embedded store in ./data)
  onething personal-data reseal                   after PERSONAL_DATA_KEY was rotated (the old key moved to
                                                  PERSONAL_DATA_PREVIOUS_KEYS): seal everything again with
                                                  the new key, in one transaction; then drop the old one
  onething staff load --file F|-                  load the deployment's organisations, staff and supervisors
                                                  (JSON: organisations[], staff[], supervisors[]; loading again updates)
                                                  (DATABASE_URL, or the embedded store in ./data)
  onething calendar [status] [--json]             which years count on the State Council's official
                                                  arrangement, which provisionally, which not at all
  onething calendar load FILE.json [--json]       store a year's official arrangement (国办发明电) and
                                                  count the open cases' deadlines again with it
                                                  (DATABASE_URL, or the embedded store; --data DIR)
  onething whatif --region R --policy FILE --since 2026-01-01 [--json] [--data DIR]
                                                  replay the cases under a copy of the policy (JSON/.ts:
                                                  a policy, or {"basedOn": R, "set": {path: value}});
                                                  reads only (DATABASE_URL, or the embedded store)
  onething gateway list [--json]                  this department's open tasks
  onething gateway claim TASK                     claim a task before working on it
  onething gateway decide --task TASK --outcome done --output certificateNumber=… [--output k=v …]
                          [--reason-zh … --reason-en …] [--material M --message-zh … --message-en …]
                          [--txn ID]              post a decision (txnId default TASK:OUTCOME, so
                                                  running it again is the same decision); or --file F|-
                                                  with the decision as JSON
  onething gateway delivery-records ID [ID …]     (hospital, health commission) these mothers' delivery
                                                  records are in the shared data: each is invited to apply
      (all four: --url PLATFORM or ONETHING_URL, default http://127.0.0.1:3000; --department D or
       GATEWAY_DEPARTMENT; --key K or GATEWAY_KEY)
  onething gateway conformance --push-url URL --department D [--key K]
                                                  check a department's push endpoint against the contract
  onething gateway serve [--port 4100] [--path /tasks] --department D [--key K]
                                                  a reference push endpoint: prints each task it takes
  onething registries serve [--port 4010] [--host H] [--seed S]
                                                  the shared-data registries' reference server (the
                                                  contract docs/registries.openapi.json, demo data;
                                                  token: REGISTRY_TOKEN, default reference-token)
  onething registries conformance --url URL [--file FAMILY.json] [--json]
                                                  check a data-sharing platform's endpoint against the
                                                  contract (token: REGISTRY_TOKEN); exit 1 if it fails
  onething registries openapi                     the contract as OpenAPI 3.1 (JSON)

Regions: ${RegionId.options.join(', ')}`;
