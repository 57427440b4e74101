import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.ts';
import type { Policy } from './types.ts';

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
      setError(
        e instanceof ApiError
          ? e
          : new ApiError(
              0,
              'NETWORK',
              { zh: '网络连接失败，请重试', en: 'Network error; please try again' },
              undefined,
              [],
            ),
      );
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
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

export function formatTime(iso: string | null | undefined, lang: 'zh' | 'en'): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
