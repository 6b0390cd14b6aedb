import type { Configurable } from '../../core/operation.ts';
import type { OverridesParamSpec, ParamSpec, ParamValues } from '../../core/params/index.ts';
import type { FieldProps } from './FieldProps.ts';
import { fieldId } from './FieldProps.ts';
import { ParamFields } from './ParamFields.tsx';

/** The spec with the upstream node's value as its default, so the form shows what applies. */
function withUpstreamDefault(spec: ParamSpec, value: unknown): ParamSpec {
  if (value === undefined || value === null) return spec;
  switch (spec.kind) {
    case 'choice':
      return { ...spec, default: Object.keys(value as object)[0] ?? spec.default };
    case 'file':
    case 'overrides':
      return spec;
    default:
      return { ...spec, default: value } as ParamSpec;
  }
}

interface OverridesFieldProps extends FieldProps<OverridesParamSpec> {
  /** What arrives on the input whose parameters this overrides, when known. */
  target: Configurable<unknown> | undefined;
  problems: Map<string, string>;
}

/**
 * Seahorse's "Parameters of input …": the incoming object's own parameters, each empty
 * (keeping the value set upstream, shown as the placeholder) or set for this node only.
 */
export function OverridesField(props: OverridesFieldProps) {
  const { spec, value, onChange, target, schema } = props;
  const id = fieldId(props);
  const overrides = (typeof value === 'object' && value !== null ? value : {}) as ParamValues;

  return (
    <fieldset className="field overrides-field" aria-describedby={`${id}-help`}>
      <legend>{spec.name}</legend>
      <p className="field-help" id={`${id}-help`}>
        {target
          ? `${spec.description} Placeholders show ${target.operationName}'s values.`
          : 'Connect the input to see its parameters.'}
      </p>
      {target && (
        <ParamFields
          specs={target.specs.map((inner) => withUpstreamDefault(inner, target.values[inner.name]))}
          values={overrides}
          problems={props.problems}
          idPrefix={id}
          schemaFor={() => schema}
          onChange={(name, inner) => {
            const next = { ...overrides };
            if (inner === undefined) delete next[name];
            else next[name] = inner;
            onChange(Object.keys(next).length === 0 ? undefined : next);
          }}
          onUpload={() => {}}
        />
      )}
    </fieldset>
  );
}
