import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, NETWORK_ERROR } from './api.ts';
import type { AppConfig, Policy } from './types.ts';

export { formatInstant as formatTime } from '../../../src/domain/local-date.ts';

/** Load something from the API; `reload` fetches again. */
export function useApi<T>(path: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    if (!path) return;
    try {
      setData(await api.get<T>(path));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : NETWORK_ERROR);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, setData };
}

const policies = new Map<string, Promise<Policy>>();
/** A region's policy, fetched once per page load. */
export function usePolicy(region: string | null | undefined): Policy | null {
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => {
    if (!region) return;
    if (!policies.has(region)) policies.set(region, api.get<Policy>(`/api/regions/${region}`));
    void policies.get(region)!.then(setPolicy);
  }, [region]);
  return policy;
}

let config: Promise<AppConfig> | null = null;
/** The server's public settings (the name length limit), fetched once. */
export function useConfig() {
  const [value, setValue] = useState<AppConfig | null>(null);
  useEffect(() => {
    config ??= api.get<AppConfig>('/api/config');
    void config.then(setValue);
  }, []);
  return value;
}
