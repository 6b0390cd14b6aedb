import type { ModelReport as Report } from '../../core/operation.ts';
import { LineChart } from '../charts/LineChart.tsx';

export function ModelReport({ report }: { report: Report }) {
  return (
    <div className="model-report">
      <h3>{report.title}</h3>
      <dl>
        {report.fields.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.lossHistory && report.lossHistory.length > 0 && (
        <LineChart values={report.lossHistory} label="Training loss per iteration, chart" />
      )}
      {report.lossHistory && report.lossHistory.length > 0 && (
        <table className="loss-table" aria-label="Training loss per iteration">
          <thead>
            <tr>
              <th scope="col">iteration</th>
              <th scope="col">training loss</th>
            </tr>
          </thead>
          <tbody>
            {report.lossHistory.map((loss, index) => (
              <tr key={`${index + 1}`}>
                <td>{index + 1}</td>
                <td>{loss.toPrecision(6)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
