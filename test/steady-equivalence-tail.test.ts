/**
 * Issue 25's equivalence test of the default start, continued (the method and precision: the header of
 * test/steady-equivalence.test.ts; a second file so that test:slow runs on two workers).
 */
import { describe } from 'vitest';
import { equivalenceCase, load, longTail, REPS } from './support/equivalence';

describe('the default start is equivalent to a 20-day warm-up on day 1 (continued)', () => {
  equivalenceCase('follow-the-sun', () => load('follow-the-sun'), REPS);
  equivalenceCase('long-tailed repeat delay (lognormal, cv 2)', longTail, 2 * REPS);
});
