/** Comparison, sweeps, the staffing optimiser and sharding — pure, shared by the CLI and the browser. */
export * from './compare';
export * from './params';
export * from './optimiser';
export * from './shard';
