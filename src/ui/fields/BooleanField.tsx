import type { BooleanParamSpec } from '../../core/params/index.ts';
import { type FieldProps, fieldId } from './FieldProps.ts';
import { describedBy, FieldShell } from './FieldShell.tsx';

export function BooleanField(props: FieldProps<BooleanParamSpec>) {
  const { spec, value, onChange, problem } = props;
  const id = fieldId(props);
  const checked = typeof value === 'boolean' ? value : spec.default;

  return (
    <FieldShell
      id={id}
      name={spec.name}
      description={`${spec.description} Default: ${spec.default ? 'on' : 'off'}.`}
      problem={problem}
      onReset={value === undefined ? undefined : () => onChange(undefined)}
    >
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        aria-checked={checked}
        aria-describedby={describedBy(id, problem)}
        onChange={(event) => onChange(event.target.checked)}
      />
    </FieldShell>
  );
}
