import type { DataFramePreview } from '../../core/run/summary.ts';
import { Distributions } from './Distributions.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { RowFinder } from './RowFinder.tsx';

interface DataFrameReportProps {
  frame: DataFramePreview;
  /** Where the whole table lives, to search it; absent for results kept from a past visit. */
  source?: { nodeId: string; portIndex: number };
}

/** The size, first rows and column distributions of a DataFrame, and a search of all its rows. */
export function DataFrameTable({ frame, source }: DataFrameReportProps) {
  const { schema, rowCount, rows } = frame;
  const first = schema.columns[0]?.name;
  return (
    <div className="frame">
      <p className="frame-size">
        {rowCount.toLocaleString('en-US')} rows × {schema.columns.length} columns
        {rowCount > rows.length ? ` · the first ${rows.length} shown` : ''}
        {frame.shownColumns < schema.columns.length
          ? ` · the first ${frame.shownColumns} columns shown`
          : ''}
      </p>
      <PreviewTable frame={frame} label="Data preview" />
      {source && first !== undefined && rowCount > rows.length && (
        <RowFinder nodeId={source.nodeId} portIndex={source.portIndex} column={first} />
      )}
      <Distributions distributions={frame.distributions} />
    </div>
  );
}
