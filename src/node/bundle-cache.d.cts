/** Types of bundle-cache.cjs (plain CommonJS so that bin/shoreline.cjs can run it uncompiled). */
type Build = { name: string } & Record<string, unknown>;
export function cacheDir(root: string): string;
export function cachedBundle(entry: string, dir: string, build: Build): Promise<string>;
export function freshBundle(entry: string, dir: string, build: Build): string | undefined;
