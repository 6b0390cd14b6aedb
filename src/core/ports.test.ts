import { describe, expect, it } from 'vitest';
import { portTypes, portTypesFit } from './ports.ts';

describe('port types', () => {
  it('fit only themselves', () => {
    for (const output of portTypes) {
      for (const input of portTypes) {
        expect(portTypesFit(output, input)).toBe(output === input);
      }
    }
  });
});
