import type { ReactNode } from 'react';

/** A labelled form field with its validation message right beside it (linked by aria-describedby). */
export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field${props.error ? ' field-invalid' : ''} ${props.className ?? ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && !props.error ? <p className="field-hint">{props.hint}</p> : null}
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <p className="field-error" id={`${id}-error`} role="alert">
      {error}
    </p>
  ) : null;
}

/** Props that tie an input to its error message. */
export const invalidProps = (id: string, error?: string) =>
  error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
