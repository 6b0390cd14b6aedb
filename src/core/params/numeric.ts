import type { NumericParamSpec } from './spec.ts';

/**
 * The rule a numeric parameter follows, written as the form and the docs show it:
 * "1 <= rank <= 1000, rank is an integer", "0 <= split ratio <= 1".
 */
export function numericRule(spec: NumericParamSpec): string {
  const lower = spec.min === undefined ? '' : `${spec.min} ${spec.minExclusive ? '<' : '<='} `;
  const upper = spec.max === undefined ? '' : ` ${spec.maxExclusive ? '<' : '<='} ${spec.max}`;
  const range = lower || upper ? `${lower}${spec.name}${upper}` : '';
  const integer = spec.integer ? `${spec.name} is an integer` : '';
  return [range, integer].filter(Boolean).join(', ') || 'any number';
}

export function checkNumeric(spec: NumericParamSpec, value: unknown): string | null {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return `${spec.name} must be a number; got ${JSON.stringify(value)}`;
  }
  const belowMin =
    spec.min !== undefined && (spec.minExclusive ? value <= spec.min : value < spec.min);
  const aboveMax =
    spec.max !== undefined && (spec.maxExclusive ? value >= spec.max : value > spec.max);
  const notInteger = spec.integer === true && !Number.isInteger(value);
  // Infinity is never a setting; a JSON file can only hold it as a number too large (1e999).
  const infinite = !Number.isFinite(value);

  if (belowMin || aboveMax || notInteger || infinite) {
    return `${spec.name} must satisfy ${numericRule(spec)}; got ${value}`;
  }
  return null;
}
