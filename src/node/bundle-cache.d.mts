/** Types of bundle-cache.mjs (plain JavaScript so that bin/shoreline.mjs can run it uncompiled). */
export function cacheDir(root: string): string;
export function cachedBundle(
  entry: string,
  dir: string,
  build: { name: string } & Record<string, unknown>,
): Promise<string>;
