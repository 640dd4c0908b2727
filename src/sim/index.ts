/** Public API of the simulation engine. */
export { Simulation, SimulationBudgetError, type SimulationOptions } from './engine';
export {
  simulate,
  runReplication,
  pilotFor,
  aggregateReplications,
  resultIntervals,
  type SimulateOptions,
} from './simulate';
export { replicationOutcome } from './outcomes';
export { estimate, tQuantile975 } from './aggregate';
export * from './scenario';
export * from './result';
export * from './snapshot';
export { UNITS } from './model';
export type { PendingIntensity } from './pending-seed';
