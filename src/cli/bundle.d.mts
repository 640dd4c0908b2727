/** Types of bundle.mjs. */
export function cliBuild(root: string): { name: string } & Record<string, unknown>;
export function cliBundle(root?: string): Promise<string>;
export function loadWithCodeCache(file: string): void;
