import type { Schema } from '../../core/frame/schema.ts';
import type { Configurable } from '../../core/operation.ts';
import type {
  ColumnParamSpec,
  OverridesParamSpec,
  ParamSpec,
  ParamValues,
} from '../../core/params/index.ts';
import { BooleanField } from './BooleanField.tsx';
import { ChoiceField } from './ChoiceField.tsx';
import { ColumnField } from './ColumnField.tsx';
import { ColumnsField } from './ColumnsField.tsx';
import { FileField } from './FileField.tsx';
import { NumericField } from './NumericField.tsx';
import { OverridesField } from './OverridesField.tsx';
import { StringField } from './StringField.tsx';

interface ParamFieldsProps {
  specs: ParamSpec[];
  values: ParamValues;
  /** Problems by parameter path ("split mode › split ratio"). */
  problems: Map<string, string>;
  idPrefix: string;
  schemaFor: (spec: Pick<ColumnParamSpec, 'source'>) => Schema | null;
  /** What arrives on the input that a "Parameters of input …" parameter overrides. */
  targetFor?: (spec: OverridesParamSpec) => Configurable<unknown> | undefined;
  onChange: (name: string, value: unknown) => void;
  onUpload: (file: File) => void;
}

/** The problems under a parameter's path, keyed by the rest of the path. */
function nestedProblems(problems: Map<string, string>, name: string): Map<string, string> {
  const prefix = `${name} › `;
  return new Map(
    [...problems].flatMap(([path, message]) =>
      path.startsWith(prefix) ? [[path.slice(prefix.length), message]] : [],
    ),
  );
}

/** One widget per parameter spec, chosen by its kind. */
export function ParamFields(props: ParamFieldsProps) {
  const { specs, values, problems, idPrefix, schemaFor, targetFor, onChange, onUpload } = props;

  return specs.map((spec) => {
    const common = {
      value: values[spec.name] ?? undefined,
      onChange: (value: unknown) => onChange(spec.name, value),
      problem: problems.get(spec.name),
      idPrefix,
      schema: null,
    };
    switch (spec.kind) {
      case 'numeric':
        return <NumericField key={spec.name} {...common} spec={spec} />;
      case 'boolean':
        return <BooleanField key={spec.name} {...common} spec={spec} />;
      case 'string':
        return <StringField key={spec.name} {...common} spec={spec} />;
      case 'column':
        return <ColumnField key={spec.name} {...common} spec={spec} schema={schemaFor(spec)} />;
      case 'columns':
        return <ColumnsField key={spec.name} {...common} spec={spec} schema={schemaFor(spec)} />;
      case 'choice':
        return <ChoiceField key={spec.name} {...common} spec={spec} problems={problems} />;
      case 'file':
        return <FileField key={spec.name} {...common} spec={spec} onUpload={onUpload} />;
      case 'overrides':
        return (
          <OverridesField
            key={spec.name}
            {...common}
            spec={spec}
            target={targetFor?.(spec)}
            schema={schemaFor({ source: { port: 1 } })}
            problems={nestedProblems(problems, spec.name)}
          />
        );
      default:
        return null;
    }
  });
}
