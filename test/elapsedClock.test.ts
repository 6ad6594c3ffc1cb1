// The recording's elapsed time as the status bar shows it: a clock, not a duration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elapsedClock } from '../src/engine/text/elapsedClock';

test('elapsed time reads like a clock: m:ss, then h:mm:ss', () => {
  assert.equal(elapsedClock(0), '0:00');
  assert.equal(elapsedClock(999), '0:00');
  assert.equal(elapsedClock(12_000), '0:12');
  assert.equal(elapsedClock(754_000), '12:34');
  assert.equal(elapsedClock(3_723_000), '1:02:03');
  assert.equal(elapsedClock(-5), '0:00');
});
