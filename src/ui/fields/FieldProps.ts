import type { Schema } from '../../core/frame/schema.ts';
import type { ParamSpec } from '../../core/params/index.ts';

/** What every parameter widget receives. `value` undefined means "the default". */
export interface FieldProps<Spec extends ParamSpec = ParamSpec> {
  spec: Spec;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The rule the value breaks, shown under the field. */
  problem: string | undefined;
  /** Where ids of inputs and messages start, unique on the page. */
  idPrefix: string;
  /** Columns a column selector may pick from, when known. */
  schema: Schema | null;
}

export const fieldId = (props: FieldProps) =>
  `${props.idPrefix}-${props.spec.name.replace(/\W+/g, '-')}`;
