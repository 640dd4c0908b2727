/**
 * Main-thread side of the simulation worker: creates it (Vite bundles the worker from this URL, and
 * the URL stays relative to the built script, so the site works from any sub-path) and wraps it with
 * Comlink so each method returns a promise.
 */
import * as Comlink from 'comlink';
import type { SimWorkerApi } from './sim.worker';

export type SimClient = Comlink.Remote<SimWorkerApi>;

export function createSimClient(): { client: SimClient; terminate: () => void; worker: Worker } {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  const client = Comlink.wrap<SimWorkerApi>(worker);
  return { client, terminate: () => worker.terminate(), worker };
}
