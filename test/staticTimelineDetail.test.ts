// The static timeline (probe/record/load/matrix --html, the exports) at any size: a small run draws
// every span exactly as before the level-of-detail drawing existed (the golden files in test/golden
// were written by that code), and a recording of a million lock intervals becomes an HTML file whose
// size follows the drawing's width, not the intervals, with no script and the strongest locks visible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedProcess } from '../src/engine/record/recordingTypes';
import { renderProbeHtml } from '../src/report/htmlReport';
import { heldClass } from '../src/report/lockStateStyle';
import { renderRecordingHtml, renderRecordingSvg } from '../src/report/recordingHtml';
import { renderTimelineSvg } from '../src/report/timelineSvg';
import { busyRecording } from './support/busyRecording';
import { burstScripts, fixtureResult, seedScripts } from './support/timelineFixtures';

const golden = (name: string) => readFileSync(join(__dirname, '..', '..', 'test', 'golden', name), 'utf8');

test('small probes draw every span as before: the seed in two models and a 32 x 50 burst, byte for byte', () => {
  const threads = { model: 'threads', journalMode: 'delete', busyTimeoutMs: 5000 } as const;
  const blocking = { model: 'blocking', journalMode: 'wal', busyTimeoutMs: 5000 } as const;
  assert.equal(renderTimelineSvg(fixtureResult(threads, seedScripts(threads))), golden('seed-threads.svg'));
  assert.equal(
    renderTimelineSvg(fixtureResult(blocking, seedScripts(blocking))),
    golden('seed-blocking.svg'),
  );
  const burst = fixtureResult(
    { model: 'threads', journalMode: 'wal', preset: 'burst', begin: 'immediate' },
    burstScripts(32, 50, 97),
  );
  assert.equal(renderTimelineSvg(burst), golden('burst-32x50.svg'));
});

test('a million lock intervals: the HTML report stays small, script-free, and shows every lane', () => {
  const small = renderRecordingHtml(busyRecording(40, 2_500));
  const large = renderRecordingHtml(busyRecording(40, 25_000));
  const largeKb = Buffer.byteLength(large) / 1024;
  // 40 lanes of 940 pixel columns: a bar per run of columns, not per interval (the intervals' own
  // rectangles and tooltips would be over 100 MB).
  assert.ok(largeKb < 1024, `the HTML is ${largeKb.toFixed(0)} KB`);
  assert.ok(
    Buffer.byteLength(large) < 1.5 * Buffer.byteLength(small),
    `100 000 intervals: ${(Buffer.byteLength(small) / 1024).toFixed(0)} KB, 1 000 000: ${largeKb.toFixed(0)} KB`,
  );
  assert.ok(!/<script/i.test(large), 'no script');
  for (let index = 0; index < 40; index++) {
    assert.ok(large.includes(`>python3 ${1000 + index}<`), `lane python3 ${1000 + index}`);
  }
  // The strongest lock wins each pixel column: EXCLUSIVE shows in every lane, and the waits as a strip.
  const lanes = large.split('class="sld-lane"').slice(1);
  assert.equal(lanes.length, 40);
  for (const lane of lanes) {
    assert.ok(lane.includes(`class="${heldClass('EXCLUSIVE')}"`), 'EXCLUSIVE drawn');
    assert.ok(lane.includes('class="sld-wt sld-dense"'), 'waits drawn');
  }
});

test('a dense lane says what its bars stand for, and a quiet lane beside it keeps its exact spans', () => {
  const recording = busyRecording(1, 20_000);
  const quiet: RecordedProcess = {
    ...recording.processes[0],
    pid: 7,
    command: 'sqlite3',
    intervals: [{ state: 'RESERVED', file: 'db', startMs: 1_800_000, endMs: 1_860_000 }],
  };
  const svg = renderRecordingSvg({ ...recording, processes: [recording.processes[0], quiet] });
  const says = (pattern: RegExp) => assert.ok(pattern.test(svg), String(pattern));
  says(/python3 1000: EXCLUSIVE as the strongest lock in \d+ short stretches, [\d.]+ s – 3\d\d\d s/);
  says(/python3 1000: SHARED as the strongest lock in \d+ short stretches, 0 ms – 3\d\d\d s/);
  says(/python3 1000: waiting, 0 ms – 3600 s \(a wait in each pixel; 20000 spans here\)/);
  says(/sqlite3 7: RESERVED, 1800 s – 1860 s \(60\.00 s\)/);
  // The quiet lane's long bar keeps its label.
  says(/>RESERVED<\/text>/);
});

test('a probe with a dense session still draws its errors as markers with their messages', () => {
  const result = fixtureResult(
    { model: 'threads', journalMode: 'wal', preset: 'burst', begin: 'immediate' },
    burstScripts(2, 1_500, 50),
  );
  const html = renderProbeHtml([result], 'Burst');
  const dense = result.sessions.find(
    (session) => session.spans.length > 940 && session.events.some((event) => event.kind === 'error'),
  );
  assert.ok(dense !== undefined);
  const marker = new RegExp(`<title>${dense.name}: (\\d+ errors|error)\nSQLITE_BUSY_SNAPSHOT`);
  assert.ok(marker.test(html), 'an error marker with its code');
  assert.ok(!/<script/i.test(html), 'no script');
});
