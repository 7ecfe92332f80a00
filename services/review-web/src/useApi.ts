import { useCallback, useEffect, useState } from 'react';
import { api } from './api.js';

/** GET `path` now and on `reload()`; `error` holds the Dutch message when it failed. */
export function useApi<T>(path: string): { data: T | undefined; error: string; reload: () => Promise<void> } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState('');
  const reload = useCallback(async () => {
    try {
      setData(await api<T>(path));
      setError('');
    } catch (err) {
      setError((err as Error).message);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
