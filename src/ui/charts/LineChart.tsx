const width = 320;
const height = 120;
const margin = 6;

interface LineChartProps {
  values: number[];
  label: string;
}

/** A line through the values, first to last, scaled to their range. */
export function LineChart({ values, label }: LineChartProps) {
  if (values.length === 0) return null;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const x = (index: number) =>
    margin + (values.length === 1 ? 0 : (index / (values.length - 1)) * (width - 2 * margin));
  const y = (value: number) => height - margin - ((value - low) / span) * (height - 2 * margin);
  const points = values.map((value, index) => `${x(index)},${y(value)}`).join(' ');

  return (
    <svg className="chart line-chart" width={width} height={height} role="img" aria-label={label}>
      <polyline points={points} fill="none" strokeWidth={2} />
      {values.map((value, index) => (
        <circle key={index} cx={x(index)} cy={y(value)} r={2.5}>
          <title>{`${index + 1}: ${value.toPrecision(6)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
