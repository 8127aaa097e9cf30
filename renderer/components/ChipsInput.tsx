import { useState, type KeyboardEvent } from 'react';

/** Editable list of short strings (job titles): chips with remove buttons plus an add box. */
export function ChipsInput(props: {
  id: string;
  label: string;
  values: string[];
  onChange(values: string[]): void;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const parts = draft
      .split(/[,;\n]/)
      .map((p) => p.trim())
      .filter(Boolean);
    const lower = new Set(props.values.map((v) => v.toLowerCase()));
    const fresh = parts.filter((p) => !lower.has(p.toLowerCase()));
    if (fresh.length) props.onChange([...props.values, ...fresh]);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && draft === '' && props.values.length) {
      props.onChange(props.values.slice(0, -1));
    }
  };
  return (
    <div className={`chips${props.invalid ? ' chips-invalid' : ''}`}>
      <ul className="chip-list" aria-label={`${props.label} (${props.values.length})`}>
        {props.values.map((v) => (
          <li key={v} className="chip">
            <span>{v}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${v}`}
              onClick={() => props.onChange(props.values.filter((x) => x !== v))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={props.id}
        aria-label={props.label}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        value={draft}
        placeholder={props.placeholder ?? 'Type and press Enter'}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKey}
        onBlur={add}
      />
    </div>
  );
}
