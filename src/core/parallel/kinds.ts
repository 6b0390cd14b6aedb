import { alsRowRangeKind } from '../als/engine/kind.ts';
import type { RowRangeKind } from './runner.ts';

/**
 * Every computation recflow runs on row ranges, by the name a session opens it with. Pool
 * threads serve these, so a new kind becomes parallel by being listed here.
 */
export const rowRangeKinds: Readonly<Record<string, RowRangeKind>> = {
  als: alsRowRangeKind,
};
