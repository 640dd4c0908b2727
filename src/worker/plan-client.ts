/** Main-thread side of the planner's worker (Vite bundles it from this URL). */
import * as Comlink from 'comlink';
import type { PlanRequest, PlanResponse, PlanWorkerApi } from './plan.worker';
import type { ForecastResult } from '../plan/forecast';
import type { Scenario } from '../sim/index';

export interface PlanClient {
  plan(request: PlanRequest, onProgress: (stage: string) => void): Promise<PlanResponse>;
  importForecast(csv: string, scenario: Scenario, day?: string): Promise<ForecastResult>;
  terminate(): void;
}

export function createPlanClient(): PlanClient {
  const worker = new Worker(new URL('./plan.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<PlanWorkerApi>(worker);
  return {
    plan: (request, onProgress) => api.plan(request, Comlink.proxy(onProgress)),
    importForecast: (csv, scenario, day) => api.importForecast(csv, scenario, day),
    terminate: () => worker.terminate(),
  };
}
