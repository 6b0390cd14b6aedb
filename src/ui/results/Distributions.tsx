import type { ColumnDistribution } from '../../core/frame/distribution.ts';
import { Histogram } from '../charts/Histogram.tsx';

const formatNumber = (value: number) =>
  Number.isInteger(value) ? value.toLocaleString('en-US') : value.toPrecision(4);

function bounds(distribution: Extract<ColumnDistribution, { kind: 'continuous' }>): string {
  const show = (value: number) =>
    distribution.timestamps ? new Date(value).toISOString() : formatNumber(value);
  const mean = distribution.timestamps ? '' : ` · mean ${formatNumber(distribution.mean)}`;
  return `min ${show(distribution.min)} · max ${show(distribution.max)}${mean}`;
}

function ColumnChart({ distribution }: { distribution: ColumnDistribution }) {
  switch (distribution.kind) {
    case 'continuous':
      return (
        <>
          <Histogram
            counts={distribution.counts}
            label={`Distribution of ${distribution.column}`}
          />
          <p className="chart-note">{bounds(distribution)}</p>
        </>
      );
    case 'categorical':
      return (
        <table className="categories" aria-label={`Values of ${distribution.column}`}>
          <tbody>
            {distribution.values.map(([value, count]) => (
              <tr key={value}>
                <th scope="row">{value}</th>
                <td>{count.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'none':
      return <p className="chart-note">{distribution.reason}</p>;
  }
}

/** One small chart per column: how its values are spread over the whole DataFrame. */
export function Distributions({ distributions }: { distributions: ColumnDistribution[] }) {
  return (
    <div className="distributions">
      {distributions.map((distribution) => (
        <figure key={distribution.column}>
          <figcaption>{distribution.column}</figcaption>
          <ColumnChart distribution={distribution} />
          {distribution.kind !== 'none' && distribution.nulls > 0 && (
            <p className="chart-note">{distribution.nulls.toLocaleString('en-US')} empty</p>
          )}
        </figure>
      ))}
    </div>
  );
}
