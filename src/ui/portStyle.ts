import type { PortType } from '../core/ports.ts';

/** Seahorse's look of each port type: DataFrames are round, the other types square. */
export const portColors: Record<PortType, string> = {
  DataFrame: '#2a7bd6',
  Estimator: '#1a9e5a',
  Transformer: '#25366b',
  Evaluator: '#8a8a1f',
  MetricValue: '#168c8c',
};

export function portShape(type: PortType): 'round' | 'square' {
  return type === 'DataFrame' ? 'round' : 'square';
}
