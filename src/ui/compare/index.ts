/** The compare panel (variants, sweep, optimiser, exports) and the app-state contract for links. */
export { buildCompare, type CompareHandlers, type ComparePanel } from './panel';
export type { AppState } from './state';
export type { Variant } from '../state/compare';
