const width = 220;
const height = 70;

interface HistogramProps {
  counts: number[];
  label: string;
}

/** Equal-width bars scaled to the tallest; each bar's count is in its tooltip. */
export function Histogram({ counts, label }: HistogramProps) {
  const tallest = Math.max(1, ...counts);
  const barWidth = width / counts.length;
  return (
    <svg className="chart" width={width} height={height} role="img" aria-label={label}>
      {counts.map((count, index) => {
        const barHeight = (count / tallest) * (height - 2);
        return (
          <rect
            key={index}
            x={index * barWidth + 0.5}
            y={height - barHeight}
            width={Math.max(1, barWidth - 1)}
            height={barHeight}
          >
            <title>{count.toLocaleString('en-US')}</title>
          </rect>
        );
      })}
    </svg>
  );
}
