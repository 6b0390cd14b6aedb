import { useState } from 'react';
import {
  type ColumnsParamSpec,
  describeColumnsSelection,
  isMultipleColumnSelection,
  type MultipleColumnSelection,
  resolveColumns,
} from '../../core/params/index.ts';
import { FILTER_CHECKS_FROM, matchColumns } from './columnSearch.ts';
import { type FieldProps, fieldId } from './FieldProps.ts';
import { describedBy } from './FieldShell.tsx';

const byNames = (names: string[], excluding: boolean): MultipleColumnSelection => ({
  selections: names.length > 0 ? [{ type: 'columnList', values: names }] : [],
  excluding,
});

/**
 * Several columns at once: a checkbox per column of the input, and whether the checked ones
 * are kept or left out. Before the input is known, names are typed, separated by commas.
 * A wide input gets a search box; the boxes shown are the checked ones and the first matches.
 */
export function ColumnsField(props: FieldProps<ColumnsParamSpec>) {
  const { spec, value, onChange, problem, schema } = props;
  const id = fieldId(props);
  const [query, setQuery] = useState('');
  const current = isMultipleColumnSelection(value) ? value : spec.default;
  const resolved = schema && resolveColumns(spec, current, schema);
  const checked = new Set(
    resolved && 'indexes' in resolved
      ? resolved.indexes.map((index) => schema.columns[index].name)
      : [],
  );
  // The boxes show the outcome; with `excluding`, the outcome is the columns left unchecked.
  const picked = (name: string) => (current.excluding ? !checked.has(name) : checked.has(name));
  const searchable = schema !== null && schema.columns.length >= FILTER_CHECKS_FROM;
  const matches = schema && matchColumns(schema.columns, searchable ? query : '', checked);

  return (
    <fieldset
      className={`field columns-field${problem ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(id, problem)}
    >
      <legend>{spec.name}</legend>
      {schema === null ? (
        <input
          id={id}
          type="text"
          aria-label={spec.name}
          placeholder="names, separated by commas"
          defaultValue={describeColumnsSelection(current)}
          onChange={(event) => {
            const names = event.target.value.split(',').map((name) => name.trim());
            onChange(byNames(names.filter(Boolean), current.excluding));
          }}
        />
      ) : (
        <>
          {searchable && (
            <input
              type="search"
              className="column-search"
              aria-label={`Find columns for ${spec.name}`}
              placeholder="find columns"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          )}
          <ul className="column-checks">
            {matches?.shown.map((column) => (
              <li key={column.name}>
                <label>
                  <input
                    type="checkbox"
                    checked={picked(column.name)}
                    onChange={(event) => {
                      const names = schema.columns
                        .map((candidate) => candidate.name)
                        .filter((name) =>
                          name === column.name ? event.target.checked : picked(name),
                        );
                      onChange(byNames(names, current.excluding));
                    }}
                  />
                  {column.name} <span className="column-type">{column.type}</span>
                </label>
              </li>
            ))}
          </ul>
          {matches && matches.total > matches.shown.length && (
            <p className="field-note">
              {`Showing ${matches.shown.length} of ${matches.total.toLocaleString('en-US')} ` +
                'columns, those in the selection first; type to narrow.'}
            </p>
          )}
        </>
      )}
      <label className="columns-excluding">
        <input
          type="checkbox"
          role="switch"
          checked={current.excluding}
          aria-checked={current.excluding}
          onChange={(event) => onChange({ ...current, excluding: event.target.checked })}
        />
        leave the checked columns out
      </label>
      <p className="field-help" id={`${id}-help`}>
        {spec.description}
      </p>
      {problem && (
        <p className="field-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
