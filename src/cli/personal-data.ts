import { openDb, type Db } from '../store/db.ts';
import { resealAll } from '../store/personal-data-sweep.ts';
import { isProduction, ProductionSettingsError } from '../production.ts';
import {
  DEV_PERSONAL_DATA_INDEX_KEY,
  DEV_PERSONAL_DATA_KEY,
  personalDataFromEnv,
  type PersonalData,
} from '../store/personal-data.ts';

/**
 * The personal-data keys a command opens the store with. In production the development keys never
 * stand in: a command run without them would seal with the wrong key and look people up in vain.
 */
export function cliPersonalData(env: NodeJS.ProcessEnv): PersonalData {
  if (isProduction(env)) {
    const missing = [
      { name: 'PERSONAL_DATA_KEY', dev: DEV_PERSONAL_DATA_KEY },
      { name: 'PERSONAL_DATA_INDEX_KEY', dev: DEV_PERSONAL_DATA_INDEX_KEY },
    ].filter(({ name, dev }) => !env[name]?.trim() || env[name]!.trim() === dev);
    if (missing.length)
      throw new ProductionSettingsError(
        missing.map(({ name }) => ({
          name,
          message: { zh: '未设置（个人信息加密密钥）', en: 'not set (a key of the personal data at rest)' },
        })),
      );
  }
  return personalDataFromEnv(env);
}

/**
 * The store a command works on, opened with the deployment's personal-data keys: DATABASE_URL, or
 * the embedded one in `dataDir`.
 */
export function openCliStore(env: NodeJS.ProcessEnv, dataDir: string | undefined): Promise<Db> {
  const url = env.DATABASE_URL;
  return openDb({ url, dataDir: url ? undefined : dataDir, personal: cliPersonalData(env) });
}

/** `onething personal-data reseal`: one transaction, so a store is never half under each key. */
export async function resealCommand(db: Db): Promise<string> {
  const rows = await db.transaction((tx) => resealAll(tx));
  return `resealed 已重新加密: ${rows} values under key 密钥 ${db.personal.currentKeyId}`;
}
