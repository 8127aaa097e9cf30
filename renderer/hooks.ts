import { useEffect, useRef, useState } from 'react';

/** The value, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Runs an async loader when deps change and ignores replies that arrive after newer requests. */
export function useLatest<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: unknown } {
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    load().then(
      (data) => mine === seq.current && setState({ data, error: null }),
      (error: unknown) => mine === seq.current && setState({ data: null, error }),
    );
  }, deps);
  return state;
}
