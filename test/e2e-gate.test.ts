/**
 * The browser suites (test/e2e) need Debian's Chromium. On a developer machine without it they are
 * skipped with a warning; under CI (the CI variable set, as .ci/run's environment does) a missing
 * browser must fail the run instead of skipping silently.
 */
import { describe, expect, it } from 'vitest';
import { e2eMode, isCI } from './e2e/support';

describe('e2e gate', () => {
  it('reads the CI variable as CI services set it', () => {
    for (const v of ['true', 'TRUE', '1', 'yes']) expect(isCI({ CI: v })).toBe(true);
    for (const v of [undefined, '', 'false', '0', 'no']) expect(isCI({ CI: v })).toBe(false);
  });

  it('runs with Chromium, skips without it locally, and fails without it under CI', () => {
    expect(e2eMode(true, {})).toBe('run');
    expect(e2eMode(true, { CI: 'true' })).toBe('run');
    expect(e2eMode(false, {})).toBe('skip');
    expect(e2eMode(false, { CI: 'false' })).toBe('skip');
    expect(e2eMode(false, { CI: 'true' })).toBe('fail');
    expect(e2eMode(false, { CI: '1' })).toBe('fail');
  });
});
