import { useState } from 'react';
import type { Schema } from '../../core/frame/schema.ts';
import {
  type ColumnParamSpec,
  type ColumnSelection,
  isColumnSelection,
} from '../../core/params/index.ts';
import {
  formatColumnSelection,
  matchColumns,
  PICK_FROM_LIST_UP_TO,
  parseColumnSelection,
} from './columnSearch.ts';
import { type FieldProps, fieldId } from './FieldProps.ts';
import { describedBy, FieldShell } from './FieldShell.tsx';

const encode = (selection: ColumnSelection) => `${selection.type}:${selection.value}`;

function decode(text: string): ColumnSelection {
  const [type, ...rest] = text.split(':');
  const value = rest.join(':');
  return type === 'index' ? { type, value: Number(value) } : { type: 'column', value };
}

/**
 * Picks a column by name or by 0-based index from the DataFrame the parameter refers to;
 * before that DataFrame is known, the name is typed, and so it is for a wide DataFrame,
 * with the matching names offered as the user types.
 */
export function ColumnField(props: FieldProps<ColumnParamSpec>) {
  const { spec, value, onChange, problem, schema } = props;
  const id = fieldId(props);
  const current = isColumnSelection(value) ? value : spec.default;
  const common = {
    id,
    'aria-invalid': problem !== undefined,
    'aria-describedby': describedBy(id, problem),
  };
  const shell = {
    id,
    name: spec.name,
    description: `${spec.description} Default: \`${spec.default.value}\`.`,
    problem,
    onReset: value === undefined ? undefined : () => onChange(undefined),
  };

  if (schema === null) {
    return (
      <FieldShell {...shell}>
        <input
          {...common}
          type="text"
          value={current.type === 'column' ? current.value : String(current.value)}
          placeholder={String(spec.default.value)}
          onChange={(event) =>
            onChange(event.target.value === '' ? undefined : decode(`column:${event.target.value}`))
          }
        />
      </FieldShell>
    );
  }

  if (schema.columns.length > PICK_FROM_LIST_UP_TO) {
    return (
      <FieldShell {...shell}>
        <WideColumnInput
          {...common}
          current={current}
          columns={schema.columns}
          onChange={onChange}
        />
      </FieldShell>
    );
  }

  const known = new Set([
    ...schema.columns.map((column) => `column:${column.name}`),
    ...schema.columns.map((_, index) => `index:${index}`),
  ]);
  return (
    <FieldShell {...shell}>
      <select
        {...common}
        value={encode(current)}
        onChange={(e) => onChange(decode(e.target.value))}
      >
        {!known.has(encode(current)) && (
          <option value={encode(current)}>{`${current.value} (not in the input)`}</option>
        )}
        <optgroup label="By name">
          {schema.columns.map((column) => (
            <option key={column.name} value={`column:${column.name}`}>
              {column.name} ({column.type})
            </option>
          ))}
        </optgroup>
        <optgroup label="By index">
          {schema.columns.map((column, index) => (
            <option key={column.name} value={`index:${index}`}>
              #{index} ({column.name})
            </option>
          ))}
        </optgroup>
      </select>
    </FieldShell>
  );
}

interface WideColumnInputProps {
  id: string;
  current: ColumnSelection;
  columns: Schema['columns'];
  onChange: (value: ColumnSelection | undefined) => void;
}

/** A text box suggesting the first names that match what is typed; `#n` picks by index. */
function WideColumnInput({ current, columns, onChange, ...common }: WideColumnInputProps) {
  // While the user types, the box shows their text even where it does not name a column yet.
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? formatColumnSelection(current);
  const matches = matchColumns(columns, text);
  const listId = `${common.id}-matches`;
  return (
    <>
      <input
        {...common}
        type="text"
        list={listId}
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setDraft(event.target.value);
          onChange(parseColumnSelection(event.target.value, columns));
        }}
        onBlur={() => setDraft(null)}
      />
      <datalist id={listId}>
        {matches.shown.map((column) => (
          <option key={column.name} value={column.name}>
            {column.type}
          </option>
        ))}
      </datalist>
      <p className="field-note">
        {columns.length.toLocaleString('en-US')} columns: type a name, or # and a 0-based index.
      </p>
    </>
  );
}
