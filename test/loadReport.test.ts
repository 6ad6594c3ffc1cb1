// The load test's reports show what the app printed as data: escaped in HTML and Markdown, control
// characters made visible in the terminal; the seed's check comes first in each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadResultSchema, type LoadResult } from '../src/engine/load/loadResult';
import { renderLoadHtml } from '../src/report/load/loadHtml';
import { renderLoadMarkdown } from '../src/report/load/loadMarkdown';
import { renderLoadText } from '../src/report/load/loadText';
import { requestsLane } from '../src/report/load/requestsLane';

const hostile = '<script>alert(1)</script> \u001b[31mdatabase is locked\u001b[0m | *x*';

function result(): LoadResult {
  return {
    schema: loadResultSchema,
    startedAt: '2026-12-02T00:00:00.000Z',
    config: {
      urls: ['http://127.0.0.1:8000/a', 'http://127.0.0.1:8000/b'],
      method: 'POST',
      requests: 20,
      concurrency: 10,
      database: '/tmp/app.db',
      headerNames: ['Authorization'],
      body: true,
      run: 'uvicorn app:app',
      log: null,
    },
    durationMs: 5020,
    startMs: 310,
    sent: 20,
    successful: 2,
    failed: 18,
    byStatus: [
      { status: 200, count: 2 },
      { status: 500, count: 17 },
    ],
    noResponse: [{ error: 'ECONNRESET', count: 1 }],
    latencyMs: { p50: 5010, p90: 5015, p99: 5020, max: 5020 },
    perUrl: [
      { url: 'http://127.0.0.1:8000/a', sent: 10, successful: 1, failed: 9 },
      { url: 'http://127.0.0.1:8000/b', sent: 10, successful: 1, failed: 9 },
    ],
    lockErrorsInResponses: {},
    outcomes: [
      { url: 0, startMs: 310, ms: 5010, status: 500, lockError: 'database is locked' },
      { url: 1, startMs: 310, ms: 1020, status: 200 },
    ],
    droppedOutcomes: 18,
    rows: { counted: 'table', what: 'items', before: 20, after: 22, added: 2, otherTables: [] },
    check: {
      text: '18 of 20 requests failed; 2 rows were added for 2 successful requests',
      rowsMatchSuccesses: true,
    },
    app: {
      source: { kind: 'run', command: 'uvicorn app:app', pid: 4711, exitCode: null, signal: 'SIGTERM' },
      lines: [{ atMs: 5300, stream: 'stderr', text: hostile, lockError: 'database is locked', pid: 4711 }],
      droppedLines: 0,
      errorCounts: { 'database is locked': 18 },
    },
    cancelled: false,
  };
}

test('terminal: the check first, counts by kind, the app line with its escapes made visible', () => {
  const text = renderLoadText(result());
  assert.equal(text.split('\n')[0], '18 of 20 requests failed; 2 rows were added for 2 successful requests');
  assert.match(text, /HTTP 500\s+17/);
  assert.match(text, /no response \(ECONNRESET\)\s+1/);
  assert.match(text, /database is locked\s+18\s+0/);
  assert.match(text, /… and 17 more lock-error lines/);
  assert.ok(!text.includes('\u001b'), 'no escape character reaches the terminal');
  assert.match(text, /\uFFFD\[31mdatabase is locked/);
  assert.match(text, /The app \(PID 4711\) stopped by SIGTERM\./);
  assert.doesNotMatch(text, /Bearer/, 'header values are never shown');
});

test('HTML and Markdown escape what the app printed', () => {
  const html = renderLoadHtml(result(), 'Load test <of> app');
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /<title>Load test &lt;of&gt; app<\/title>/);
  assert.match(html, /class="verdict problem"><strong>18 of 20 requests failed/);
  const markdown = renderLoadMarkdown(result());
  assert.match(markdown, /^# Load test\n\n> 18 of 20 requests failed/);
  assert.match(markdown, /&lt;script&gt;/);
  assert.match(markdown, /\\\| \\\*x\\\*/);
});

test('the requests lane: a tick per success, an error mark per failure, where its answer arrived', () => {
  const lane = requestsLane(result());
  assert.equal(lane.name, 'requests');
  assert.deepEqual(
    lane.events.map((event) => [event.kind, event.tUs, event.code]),
    [
      ['error', (310 + 5010) * 1000, 'database is locked'],
      ['commit', (310 + 1020) * 1000, undefined],
    ],
  );
  assert.match(
    lane.events[0].message ?? '',
    /^http:\/\/127\.0\.0\.1:8000\/a: HTTP 500 after 5\.01 s \(database is locked\)$/,
  );
});
