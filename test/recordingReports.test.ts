// The recording's reports (text, Markdown, HTML, SVG) from synthetic samples: the findings a user reads
// first, the lanes drawn by the probe's timeline code, and untrusted process names kept as data
// (escaped in HTML and Markdown, control characters shown escaped in the terminal).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProcessName } from '../src/engine/locks/processNames';
import type { SampledHolder } from '../src/engine/record/recordingBuilder';
import { recordingFindings } from '../src/report/recordingFindings';
import { renderRecordingHtml, renderRecordingSvg } from '../src/report/recordingHtml';
import { renderRecordingMarkdown } from '../src/report/recordingMarkdown';
import { renderRecordingText } from '../src/report/recordingText';
import { recordingTimeline } from '../src/report/recordingTimeline';
import { recordingOf } from './support/recordingFixture';

const hostile = '<img src=x onerror=alert(1)>\u001b[31m|*';
const names: Record<number, ProcessName> = {
  10: { command: 'uvicorn', commandLine: 'uvicorn app:app --workers 1' },
  20: { command: hostile, commandLine: `${hostile} --evil` },
};
const nameOf = (pid: number): ProcessName => names[pid] ?? { command: null, commandLine: null };
const held = (pid: number, lock: SampledHolder['lock']): SampledHolder => ({
  pid,
  file: 'db',
  lock,
  waiting: false,
});

// The reader (20) holds SHARED 50..250 ms; the writer (10) RESERVED from 100 ms, PENDING 200..250 ms,
// EXCLUSIVE for a moment, then nothing.
const recording = recordingOf(
  80,
  (step) => {
    const holders: SampledHolder[] = [];
    if (step >= 10 && step < 50) {
      holders.push(held(20, 'SHARED'));
    }
    if (step >= 20 && step < 40) {
      holders.push(held(10, 'RESERVED'));
    } else if (step >= 40 && step < 50) {
      holders.push(held(10, 'PENDING'));
    } else if (step === 50) {
      holders.push(held(10, 'EXCLUSIVE'));
    }
    return holders;
  },
  nameOf,
);

describe('recording reports', () => {
  test('text: the findings first, then the tables and the limits; control characters escaped', () => {
    const text = renderRecordingText(recording);
    const lines = text.split('\n');
    assert.match(lines[0], /^SQLite lock recording: \/home\/dev\/app\/app\.db \(rollback journal\)$/);
    assert.match(text, /Longest write-lock hold: uvicorn 10 held RESERVED → PENDING → EXCLUSIVE for 155 ms/);
    assert.match(text, /uvicorn 10 sat in PENDING for 50 ms at 198 ms while .* 20 held\s+SHARED/);
    assert.ok(text.indexOf('Longest write-lock hold') < text.indexOf('Processes:'));
    assert.match(text, /Limits:\n {2}- Locks were sampled every 5\.0 ms/);
    assert.ok(!text.includes('\u001b'), 'no ESC reaches the terminal');
    assert.match(text, /\uFFFD\[31m/);
  });

  test('Markdown: tables with escaped names', () => {
    const markdown = renderRecordingMarkdown(recording);
    assert.match(markdown, /^# SQLite lock recording: /);
    assert.match(markdown, /\| Writer in PENDING \| From \| For \| Readers holding SHARED \|/);
    assert.doesNotMatch(markdown, /<img/);
    assert.match(markdown, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  test('HTML: static, script-free, names escaped, the lanes drawn', () => {
    const html = renderRecordingHtml(recording);
    assert.doesNotMatch(html, /<script|<img|onerror=alert\(1\)>/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(html, /<svg class="sld-timeline"/);
    assert.match(html, /<h3>Writers kept in PENDING by readers<\/h3>/);
  });

  test('the lanes: one per process, bars per lock state, the same drawing code as the probe', () => {
    const model = recordingTimeline(recording);
    assert.deepEqual(
      model.lanes.map((lane) => lane.name),
      [`${hostile} 20`, 'uvicorn 10'],
    );
    assert.deepEqual(
      model.lanes[1].spans.map((span) => [span.lock, span.fromUs, span.toUs]),
      [
        ['RESERVED', 97_500, 197_500],
        ['PENDING', 197_500, 247_500],
        ['EXCLUSIVE', 247_500, 252_500],
      ],
    );
    const svg = renderRecordingSvg(recording);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="sld-timeline"/);
    assert.equal((svg.match(/class="sld-lane"/g) ?? []).length, 2);
    assert.match(svg, /uvicorn 10: RESERVED, 98 ms – 198 ms \(100 ms\)/);
    assert.match(
      svg,
      /aria-label="Lock recording of 2 processes over 395 ms; longest write-lock hold 155 ms by uvicorn 10\."/,
    );
  });

  test('app lock errors are marks on the lane of the process that printed them', () => {
    const withApp = {
      ...recording,
      app: {
        source: { kind: 'run' as const, command: 'uvicorn app:app', pid: 10, exitCode: 0, signal: null },
        lines: [
          {
            atMs: 230,
            stream: 'stderr' as const,
            text: 'sqlite3.OperationalError: database is locked',
            lockError: 'database is locked' as const,
          },
          { atMs: 240, stream: 'stdout' as const, text: 'GET / 200' },
          { atMs: 300, stream: 'stderr' as const, text: 'busy', lockError: 'SQLITE_BUSY' as const, pid: 99 },
        ],
        droppedLines: 0,
        errorCounts: { 'database is locked': 1, SQLITE_BUSY: 1 },
      },
    };
    const model = recordingTimeline(withApp);
    const uvicorn = model.lanes.find((lane) => lane.name === 'uvicorn 10');
    assert.deepEqual(
      uvicorn?.events.map((event) => [event.kind, event.tUs, event.code]),
      [['error', 230_000, 'database is locked']],
    );
    assert.equal(model.lanes.at(-1)?.name, 'app output');
    assert.match(renderRecordingSvg(withApp), /database is locked/);
  });
});

describe('the WAL finding', () => {
  const walOpen = (pid: number): SampledHolder[] => [{ pid, file: 'shm', lock: 'OPEN', waiting: false }];
  test('a -wal file that appears, grows and is removed at the last close is said in words, not "no file"', () => {
    const grown = recordingOf(40, () => walOpen(10), nameOf, {
      journalMode: 'wal',
      wal: (step) => (step === 0 || step > 30 ? null : step * 4096),
    });
    const finding = recordingFindings(grown).find((line) => line.startsWith('The -wal file'));
    assert.equal(
      finding,
      'The -wal file grew by 120 KiB in all, to at most 120 KiB (none at the start, removed by the end, as the last connection closed).',
    );
  });
  test('a -wal file that stays', () => {
    const kept = recordingOf(10, () => walOpen(10), nameOf, {
      journalMode: 'wal',
      wal: (step) => 8192 + step * 4096,
    });
    const finding = recordingFindings(kept).find((line) => line.startsWith('The -wal file'));
    assert.match(
      finding ?? '',
      /^The -wal file grew by 36.0 KiB in all, to at most 44.0 KiB \(8.00 KiB at the start, 44.0 KiB at the end\)\.$/,
    );
  });
});
