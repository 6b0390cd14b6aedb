import type { DataFramePreview, PreviewCell } from '../../core/run/summary.ts';

const show = (cell: PreviewCell) => (cell === null ? '' : String(cell));

/** Rows of a DataFrame as a table, with each column's type under its name. */
export function PreviewTable({ frame, label }: { frame: DataFramePreview; label: string }) {
  const { rows } = frame;
  const columns = frame.schema.columns.slice(0, frame.shownColumns);
  return (
    <div className="frame-scroll">
      <table aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
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
                <td key={columns[column].name} className={cell === null ? 'null' : ''}>
                  {show(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
