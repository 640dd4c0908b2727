/** The compare panel (variants, sweep, optimiser, exports) and the app-state contract for links. */
export { mountCompare, type CompareHost, type ComparePanel } from './panel';
export type { AppState, Variant } from './state';
