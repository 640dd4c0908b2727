/** Types of bundle.cjs. */
export function cliBuild(root: string): { name: string } & Record<string, unknown>;
export function cliBundle(root?: string): Promise<string>;
export function freshCliBundle(root?: string): string | undefined;
export function loadWithCodeCache(file: string): void;
