/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { WorkerApi } from './api.ts';

// The explicit `self` matters: without it Comlink cannot find the endpoint in some hosts.
Comlink.expose(new WorkerApi(), self);
