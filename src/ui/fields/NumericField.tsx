import { useEffect, useState } from 'react';
import { type NumericParamSpec, numericRule } from '../../core/params/index.ts';
import { type FieldProps, fieldId } from './FieldProps.ts';
import { describedBy, FieldShell } from './FieldShell.tsx';

const asText = (value: unknown) => (typeof value === 'number' ? String(value) : '');

export function NumericField(props: FieldProps<NumericParamSpec>) {
  const { spec, value, onChange, problem } = props;
  const id = fieldId(props);
  // The text being typed ("0.", "1e") may not be a number yet; keep it until it is.
  const [text, setText] = useState(asText(value));
  useEffect(() => {
    setText((current) => (Number(current) === value && current !== '' ? current : asText(value)));
  }, [value]);

  return (
    <FieldShell
      id={id}
      name={spec.name}
      description={`${spec.description} Rule: ${numericRule(spec)}.`}
      problem={problem}
      onReset={value === undefined ? undefined : () => onChange(undefined)}
    >
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        placeholder={String(spec.default)}
        min={spec.min}
        max={spec.max}
        step={spec.integer ? 1 : 'any'}
        aria-invalid={problem !== undefined}
        aria-describedby={describedBy(id, problem)}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          onChange(typed.trim() === '' ? undefined : Number(typed));
        }}
      />
    </FieldShell>
  );
}
