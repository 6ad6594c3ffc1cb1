// The checkpoint-starvation check on synthetic readings: each verdict from a series of WAL sizes and
// the readers seen in each reading.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type WalGrowthSample, assessWalGrowth } from '../src/engine/locks/walGrowth';

describe('WAL growth over successive readings', () => {
  const readings = (frames: number[], readers: number[][]): WalGrowthSample[] =>
    frames.map((count, index) => ({
      atMs: index * 1000,
      frames: count,
      sizeBytes: 32 + count * (24 + 4096),
      readerPids: readers[index] ?? [],
    }));

  test('too few readings', () => {
    assert.equal(assessWalGrowth(readings([1500, 1600], [[7], [7]])).verdict, 'too-few-samples');
  });

  test('growing past the threshold while a reader holds WAL_READ throughout: checkpoint starvation', () => {
    const assessment = assessWalGrowth(readings([800, 1100, 1400, 1800], [[7], [7, 8], [7], [7]]));
    assert.equal(assessment.verdict, 'checkpoint-starved');
    assert.equal(assessment.warning, true);
    assert.deepEqual(assessment.persistentReaderPids, [7]);
    assert.equal(assessment.framesGained, 1000);
    assert.match(assessment.message, /from 800 to 1800 frames in 3\.0 s.*PID 7 held a WAL_READ lock/);
  });

  test('overlapping readers starve it too, without one PID throughout', () => {
    const assessment = assessWalGrowth(readings([1000, 1200, 1500], [[7], [7, 8], [8]]));
    assert.equal(assessment.verdict, 'checkpoint-starved');
    assert.deepEqual(assessment.persistentReaderPids, []);
    assert.match(assessment.message, /overlapping readers/);
  });

  test('growing past the threshold with no reader: checkpoints off or one huge transaction', () => {
    const assessment = assessWalGrowth(readings([900, 1200, 1500], [[7], [], []]));
    assert.equal(assessment.verdict, 'growing');
    assert.equal(assessment.warning, true);
    assert.match(assessment.message, /wal_autocheckpoint=0/);
  });

  test('below the threshold, not growing, or reset by a checkpoint: steady', () => {
    assert.equal(assessWalGrowth(readings([100, 400, 900], [[7], [7], [7]])).verdict, 'steady');
    assert.equal(assessWalGrowth(readings([1500, 1500, 1500], [[7], [7], [7]])).verdict, 'steady');
    // Shrunk by a TRUNCATE checkpoint: only the readings since count, and one step is not "keeps growing".
    const reset = assessWalGrowth(readings([1500, 2000, 0, 1200], [[7], [7], [7], [7]]));
    assert.equal(reset.verdict, 'steady');
    assert.equal(reset.framesGained, 1200);
    assert.equal(reset.warning, false);
  });
});
