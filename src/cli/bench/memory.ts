import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Highest resident set size and ArrayBuffer memory seen, in bytes. */
export interface MemoryPeak {
  rss: number;
  arrayBuffers: number;
}

/**
 * Tracks peak memory by sampling `process.memoryUsage()` whenever `sample()` is called (the
 * bench calls it between ALS half-steps and after each iteration) and on a 20 ms timer while
 * the event loop is free. A synchronous computation between samples can peak unseen.
 */
export class MemorySampler {
  private peak: MemoryPeak = { rss: 0, arrayBuffers: 0 };
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.peak = { rss: 0, arrayBuffers: 0 };
    this.sample();
    this.timer = setInterval(() => this.sample(), 20);
    this.timer.unref();
  }

  sample(): void {
    const { rss, arrayBuffers } = process.memoryUsage();
    this.peak.rss = Math.max(this.peak.rss, rss);
    this.peak.arrayBuffers = Math.max(this.peak.arrayBuffers, arrayBuffers);
  }

  stop(): MemoryPeak {
    this.sample();
    clearInterval(this.timer);
    return { ...this.peak };
  }
}

let collect: (() => void) | undefined;

/**
 * Runs a full garbage collection, so that one case's garbage does not count towards the next
 * case's peak. Node hides `gc` unless started with --expose-gc; the flag can still be set at
 * run time, and a fresh context then sees the function.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

export const megabytes = (bytes: number) => bytes / 1e6;
