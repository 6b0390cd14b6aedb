import type { DataFramePreview, PreviewCell } from '../../core/run/summary.ts';
import { Distributions } from './Distributions.tsx';

const show = (cell: PreviewCell) => (cell === null ? '' : String(cell));

/** The size, schema and first rows of a DataFrame. */
export function DataFrameTable({ frame }: { frame: DataFramePreview }) {
  const { schema, rowCount, rows } = frame;
  return (
    <div className="frame">
      <p className="frame-size">
        {rowCount.toLocaleString('en-US')} rows × {schema.columns.length} columns
        {rowCount > rows.length ? ` · the first ${rows.length} shown` : ''}
      </p>
      <div className="frame-scroll">
        <table aria-label="Data preview">
          <thead>
            <tr>
              {schema.columns.map((column) => (
                <th key={column.name} scope="col">
                  {column.name}
                  <span className="column-type">{column.type}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              // Rows of a preview never reorder; the index is their identity.
              <tr key={index}>
                {row.map((cell, column) => (
                  <td key={schema.columns[column].name} className={cell === null ? 'null' : ''}>
                    {show(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Distributions distributions={frame.distributions} />
    </div>
  );
}
