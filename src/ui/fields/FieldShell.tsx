import type { ReactNode } from 'react';

interface FieldShellProps {
  id: string;
  name: string;
  description: string;
  problem: string | undefined;
  onReset?: () => void;
  children: ReactNode;
}

/** Label, widget, help and problem of one parameter, laid out the same for every kind. */
export function FieldShell({ id, name, description, problem, onReset, children }: FieldShellProps) {
  return (
    <div className={`field${problem ? ' field-invalid' : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>{name}</label>
        {onReset && (
          <button
            type="button"
            className="field-reset"
            onClick={onReset}
            aria-label={`Reset ${name} to default`}
            title="Reset to default"
          >
            ↺
          </button>
        )}
      </div>
      {children}
      <p className="field-help" id={`${id}-help`}>
        {description}
      </p>
      {problem && (
        <p className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export const describedBy = (id: string, problem: string | undefined) =>
  problem ? `${id}-problem ${id}-help` : `${id}-help`;
