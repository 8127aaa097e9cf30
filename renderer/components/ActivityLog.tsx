import { useEffect, useRef } from 'react';
import type { ActivityLine } from '../../main/contract';

/** Console-style activity log that follows new lines unless the user scrolled up to read. */
export function ActivityLog({ lines }: { lines: ActivityLine[] }) {
  const box = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    <ol
      ref={box}
      className="activity"
      role="log"
      aria-label="Activity log"
      aria-live="polite"
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {lines.length === 0 ? <li className="activity-empty">Waiting for the engine…</li> : null}
      {lines.map((l, i) => (
        <li key={`${l.at}-${i}`} className={`activity-${l.level}`}>
          <time dateTime={l.at}>{new Date(l.at).toLocaleTimeString('en-US', { hour12: false })}</time>
          <span>{l.message}</span>
        </li>
      ))}
    </ol>
  );
}
