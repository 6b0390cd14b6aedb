import type { StringParamSpec } from '../../core/params/index.ts';
import { type FieldProps, fieldId } from './FieldProps.ts';
import { describedBy, FieldShell } from './FieldShell.tsx';

export function StringField(props: FieldProps<StringParamSpec>) {
  const { spec, value, onChange, problem } = props;
  const id = fieldId(props);

  return (
    <FieldShell
      id={id}
      name={spec.name}
      description={spec.description}
      problem={problem}
      onReset={value === undefined ? undefined : () => onChange(undefined)}
    >
      <input
        id={id}
        type="text"
        value={typeof value === 'string' ? value : ''}
        placeholder={spec.default}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy(id, problem)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldShell>
  );
}
