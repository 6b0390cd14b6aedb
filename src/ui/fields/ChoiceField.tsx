import { type ChoiceParamSpec, chosenOption, type ParamValues } from '../../core/params/index.ts';
import { type FieldProps, fieldId } from './FieldProps.ts';
import { describedBy, FieldShell } from './FieldShell.tsx';
import { ParamFields } from './ParamFields.tsx';

/** A select of options; the chosen option's own parameters follow it. */
export function ChoiceField(
  props: FieldProps<ChoiceParamSpec> & { problems: Map<string, string> },
) {
  const { spec, value, onChange, problem, problems } = props;
  const id = fieldId(props);
  const chosen = chosenOption(spec, value ?? { [spec.default]: {} });
  const option = chosen?.option.name ?? spec.default;
  const nested: ParamValues = chosen?.nested ?? {};
  const nestedSpecs = spec.options.find((candidate) => candidate.name === option)?.params ?? [];
  const nestedProblems = new Map(
    [...problems].flatMap(([path, message]) =>
      path.startsWith(`${spec.name} › `) ? [[path.slice(spec.name.length + 3), message]] : [],
    ),
  );

  return (
    <FieldShell
      id={id}
      name={spec.name}
      description={`${spec.description} Default: ${spec.default}.`}
      problem={problem}
      onReset={value === undefined ? undefined : () => onChange(undefined)}
    >
      <select
        id={id}
        value={option}
        aria-describedby={describedBy(id, problem)}
        onChange={(event) => onChange({ [event.target.value]: {} })}
      >
        {spec.options.map((candidate) => (
          <option key={candidate.name} value={candidate.name}>
            {candidate.label ?? candidate.name}
          </option>
        ))}
      </select>
      {nestedSpecs.length > 0 && (
        <div className="nested-fields">
          <ParamFields
            specs={nestedSpecs}
            values={nested}
            problems={nestedProblems}
            idPrefix={id}
            schemaFor={() => props.schema}
            onChange={(name, inner) => {
              const next = { ...nested };
              if (inner === undefined) delete next[name];
              else next[name] = inner;
              onChange({ [option]: next });
            }}
            onUpload={() => {}}
          />
        </div>
      )}
    </FieldShell>
  );
}
