import { writeFileSync } from 'node:fs';
import { parseCheckpointFile } from '../engine/chain-anchors.ts';
import { exportCheckpoint, takeCheckpoint } from '../engine/checkpoint.ts';
import { isProduction, ProductionSettingsError } from '../production.ts';
import type { Db } from '../store/db.ts';
import { chainKeysFromEnv, DEV_EVENT_CHAIN_KEY, type ChainKeys } from '../store/event-chain.ts';
import { readJson } from './args.ts';

/**
 * The chain keys a command uses: EVENT_CHAIN_KEY and EVENT_CHAIN_PREVIOUS_KEYS. In production the
 * development key never stands in: a command run without the key would sign, or judge, with the
 * wrong one.
 */
export function cliChainKeys(env: NodeJS.ProcessEnv): ChainKeys {
  const keys = chainKeysFromEnv(env);
  if (isProduction(env) && (!env.EVENT_CHAIN_KEY?.trim() || keys.current.secret === DEV_EVENT_CHAIN_KEY))
    throw new ProductionSettingsError([
      {
        name: 'EVENT_CHAIN_KEY',
        message: {
          zh: '未设置（办件事件链与检查点的签名密钥）',
          en: 'not set (the key the case event chain and its checkpoints are signed with)',
        },
      },
    ]);
  return keys;
}

/** `onething checkpoint`: take one now and write the latest to a file the operator keeps elsewhere. */
export async function checkpointCommand(
  db: Db,
  chain: ChainKeys,
  at: Date,
  out: string | undefined,
): Promise<string> {
  const taken = await takeCheckpoint({ db, chain }, at, 'command');
  const file = (await exportCheckpoint(db))!;
  const path = out ?? `onething-checkpoint-${file.checkpoint.id}.json`;
  writeFileSync(path, `${JSON.stringify(file, null, 1)}\n`, { mode: 0o600 });
  return JSON.stringify(
    {
      checkpoint: taken.checkpoint.id,
      takenAt: taken.checkpoint.takenAt,
      cases: taken.checkpoint.cases,
      events: taken.checkpoint.events,
      moved: taken.moved,
      file: path,
    },
    null,
    2,
  );
}

export const readCheckpointFile = (path: string) => parseCheckpointFile(readJson(path, 'checkpoint'));
