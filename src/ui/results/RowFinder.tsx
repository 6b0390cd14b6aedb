import { useState } from 'react';
import { messageOf } from '../../core/errors.ts';
import type { DataFramePreview } from '../../core/run/summary.ts';
import { useActions } from '../EditorContext.tsx';
import { PreviewTable } from './PreviewTable.tsx';

interface RowFinderProps {
  nodeId: string;
  portIndex: number;
  /** The column searched: the first one, e.g. `user` in recommendations. */
  column: string;
}

/** Finds every row of the whole DataFrame with a given value, e.g. one user's recommendations. */
export function RowFinder({ nodeId, portIndex, column }: RowFinderProps) {
  const { findRows } = useActions();
  const [value, setValue] = useState('');
  const [found, setFound] = useState<DataFramePreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const search = async (wanted: string) => {
    setValue(wanted);
    if (wanted.trim() === '') {
      setFound(null);
      return;
    }
    try {
      setFound(await findRows(nodeId, portIndex, column, wanted));
      setProblem(null);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <div className="row-finder">
      <label>
        Rows where {column} is{' '}
        <input
          type="search"
          value={value}
          aria-label={`Find rows by ${column}`}
          onChange={(event) => void search(event.target.value)}
        />
      </label>
      {problem && <p className="field-problem">{problem}</p>}
      {found && (
        <>
          <p className="frame-size">
            {found.rowCount === 0
              ? `No row has ${column} ${value}.`
              : `${found.rowCount.toLocaleString('en-US')} rows with ${column} ${value}` +
                (found.rowCount === 100 ? ' (the first 100)' : '')}
          </p>
          <PreviewTable frame={found} label={`Rows where ${column} is ${value}`} />
        </>
      )}
    </div>
  );
}
