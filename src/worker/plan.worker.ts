/**
 * The planner's worker: forecast import and the whole plan (requirement, HiGHS shift program,
 * simulation rounds and the verifying run) off the page's thread, as plain data in and out.
 * Simulations run here, serially, with one seed (common random numbers); HiGHS's WebAssembly is
 * fetched from the URL Vite gives it. Progress goes to the page through a Comlink-proxied callback.
 */
import * as Comlink from 'comlink';
import wasmUrl from 'highs/runtime?url';
import { completeTargets, defaultTargets, type Targets } from '../optimise/optimiser';
import { importForecast, type ForecastResult } from '../plan/forecast';
import { planMix, type MixConstraints, type MixOutcome } from '../plan/mix';
import { planWorkforce, type PlanOutcome } from '../plan/plan';
import type { ShiftOptions } from '../plan/shifts';
import { loadSolver } from '../plan/solver';
import { simulate, type Scenario } from '../sim/index';
import {
  dayOneScenario,
  planTheWeek,
  plansTheWeek,
  type RosterChoice,
  type WeekSummary,
} from '../ui/plan/week-plan';

export interface PlanRequest {
  scenario: Scenario;
  /** per channel; absent = every channel at its scenario target */
  targets?: Targets;
  seed: string;
  replications: number;
  maxRounds?: number;
  shifts?: ShiftOptions;
  /** also choose the cheapest routing split */
  mix?: boolean;
  /** with `mix`: minimum shares and caps per site (checked by the panel) */
  constraints?: MixConstraints;
  /** (issue 29) the roster pattern of the week (default none: the week only on a horizon of several days) */
  roster?: RosterChoice;
}

export interface PlanResponse {
  plan: PlanOutcome;
  /** with `mix`: the plan at the current split, the candidates tried (plan = the chosen one) */
  mix: Omit<MixOutcome, 'best'> | null;
  /**
   * (issue 29) a roster or a horizon of several days: the week, verified together (plan is then day
   * 1's, see week-plan.ts), with the scenario holding every day's shifts that "Apply plan" hands over
   */
  week: WeekSummary | null;
  wallSeconds: number;
}

const api = {
  importForecast: (csv: string, scenario: Scenario, day?: string): ForecastResult =>
    importForecast(csv, scenario, { day }),

  async plan(request: PlanRequest, onProgress?: (stage: string) => void): Promise<PlanResponse> {
    const start = performance.now();
    const highs = await loadSolver(() => wasmUrl);
    const targets = request.targets
      ? completeTargets(request.scenario, request.targets)
      : defaultTargets(request.scenario);
    let runs = 0;
    const evaluate = async (s: Scenario) => {
      runs++;
      // one macrotask between runs, so a progress message posted just before reaches the page
      await new Promise((r) => setTimeout(r, 0));
      return simulate(s, {
        seed: request.seed,
        replications: request.replications,
        now: () => performance.now(),
      });
    };
    const options = {
      targets,
      maxRounds: request.maxRounds,
      shifts: request.shifts,
      onProgress: (stage: string) => onProgress?.(`${stage} (simulation ${runs + 1})`),
    };
    // (issue 29) the week, as the CLI's plan: the one-day plan is day 1's, then every day is planned
    // and the days are verified together (week-plan.ts)
    const roster = request.roster ?? 'none';
    const week = plansTheWeek(request.scenario, roster);
    const planned = week ? dayOneScenario(request.scenario) : request.scenario;
    const m = request.mix
      ? await planMix(planned, evaluate, highs, { ...options, constraints: request.constraints })
      : null;
    const plan = m ? (m.best ?? m.current) : await planWorkforce(planned, evaluate, highs, options);
    const weekEvaluate = (s: Scenario) => {
      onProgress?.(`planning each day, verifying the days together (simulation ${runs + 1})`);
      return evaluate(s);
    };
    const weekPlan = week
      ? await planTheWeek(
          highs,
          request.scenario,
          plan,
          roster,
          { targets, split: plan.split ?? undefined, shifts: request.shifts },
          weekEvaluate,
        )
      : null;
    return {
      plan,
      mix: m && { current: m.current, candidates: m.candidates, tried: m.tried, closes: m.closes },
      week: weekPlan,
      wallSeconds: (performance.now() - start) / 1000,
    };
  },
};

export type PlanWorkerApi = typeof api;

Comlink.expose(api);
