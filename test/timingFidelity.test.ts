// Timing fidelity (issue 9, item 4): what the timeline reports against what the kernel shows, seen by
// an independent process (python3) on the same monotonic clock, per execution model. The goal is 2 %
// or 5 ms, whichever is larger (the benchmark reports the achieved figures); this test allows what a
// loaded 2-core machine needs on the late side only: python3 can see a change late (it polls, and it
// may wait for a CPU), never early, so an observation before the statement that made it is an error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ExecutionModel } from '../src/engine/probe/probeTypes';
import { makeTempFolder, type TempFolder } from './support/tempDatabase';
import { measureTimingFidelity } from './support/timingFidelity';

/** The shared clock and the 0.2 ms poll: an observation may precede the reported statement by this much. */
const earlyMs = 1;
/** python3 waiting for a CPU on a loaded machine. */
const lateMs = 100;

describe('the timeline against the kernel, seed in place, DELETE', () => {
  let folder: TempFolder;
  before(() => (folder = makeTempFolder()));
  after(() => folder.remove());

  for (const model of ['processes', 'threads', 'blocking'] as ExecutionModel[]) {
    test(`${model}: each lock change falls inside the statement the timeline says made it`, async () => {
      const run = await measureTimingFidelity(model, folder.path);
      for (const edge of run.edges) {
        assert.ok(
          edge.errorMs >= -earlyMs && edge.errorMs <= lateMs,
          `${edge.what}: seen at ${edge.observedMs.toFixed(2)} ms, timeline ${edge.sentMs.toFixed(2)}..${edge.returnedMs.toFixed(2)} ms`,
        );
      }
      const goalMs = Math.max(5, run.observedHoldMs * 0.02);
      assert.ok(
        Math.abs(run.reportedHoldMs - run.observedHoldMs) <= goalMs + lateMs,
        `B held RESERVED ${run.observedHoldMs.toFixed(2)} ms; the timeline says ${run.reportedHoldMs.toFixed(2)} ms`,
      );
    });
  }
});
