import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutionModel, JournalChoice, ProbeResult } from '../src/engine/probe/probeTypes';
import { escapeHtml } from '../src/report/escapeHtml';
import { renderProbeHtml } from '../src/report/htmlReport';
import { renderProbeMarkdown } from '../src/report/markdownReport';
import { formatMs } from '../src/engine/text/formatMs';
import { sessionRows } from '../src/report/resultTables';
import { renderMatrixText, renderProbeText, type MatrixRow } from '../src/report/textReport';
import { formatTick, timeTicks } from '../src/report/timeAxis';
import { renderTimelineSvg } from '../src/report/timelineSvg';
import { burstScripts, fixtureResult, seedScripts } from './support/timelineFixtures';

// ---------------------------------------------------------------------------------------------
// Fixtures: results the engine makes of synthetic timelines (test/support/timelineFixtures.ts); the
// verdicts are the engine's own.

/**
 * The seed scenario. B begins at 100 ms and takes the write lock; A's INSERT at 500 ms waits for it.
 * With one blocked event loop ('blocking') B cannot reach its commit until A gives up at 5.5 s;
 * with threads A waits only until B commits at 1.1 s.
 */
function seedResult(model: ExecutionModel, journal: JournalChoice, names = { a: 'A', b: 'B' }): ProbeResult {
  const config = { model, journalMode: journal === 'wal' ? 'wal' : 'delete', busyTimeoutMs: 5000 };
  return fixtureResult(config, seedScripts(config, names));
}

/**
 * 32 writers x 50 BEGIN IMMEDIATE transactions in WAL mode: one writer at a time, the others wait in
 * turn; every 97th transaction fails at once with SQLITE_BUSY_SNAPSHOT.
 */
function burstResult(writers = 32, transactions = 50): ProbeResult {
  return fixtureResult(
    { model: 'threads', journalMode: 'wal', preset: 'burst', begin: 'immediate' },
    burstScripts(writers, transactions, 97),
  );
}

/** The text as a regular expression that matches it literally. */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Helpers that read the SVG the way a user would see it.

function textsWithClass(svg: string, cls: string): string[] {
  const pattern = new RegExp(`<text[^>]*class="[^"]*\\b${cls}\\b[^"]*"[^>]*>([^<]*)`, 'g');
  return [...svg.matchAll(pattern)].map((match) => match[1]);
}

/** Every tag closed in order: the SVG parses as XML. */
function assertBalancedTags(markup: string): void {
  const stack: string[] = [];
  for (const match of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing) {
      continue;
    }
    if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    } else {
      stack.push(name);
    }
  }
  assert.deepEqual(stack, [], 'unclosed elements');
}

const hostile = '<script>alert(1)</script>';

function hostileResult(): ProbeResult {
  const result = seedResult('blocking', 'delete', { a: hostile, b: 'B" onload="alert(2)' });
  const failed = result.sessions[0];
  failed.error = { ...failed.error!, message: `${hostile} \u001b[31mred\u001b[0m | pipe` };
  for (const event of failed.events) {
    if (event.kind === 'error') {
      event.code = `SQLITE_BUSY${hostile}`;
      event.message = failed.error.message;
    }
  }
  result.config.database = `/tmp/${hostile}.db`;
  return result;
}

// ---------------------------------------------------------------------------------------------

test('formatMs writes durations the way the reports show them', () => {
  assert.equal(formatMs(850), '850 ms');
  assert.equal(formatMs(5500), '5.50 s');
  assert.equal(formatMs(0.35), '0.35 ms');
  assert.equal(formatMs(0.055), '55 µs');
  assert.equal(formatMs(0), '0 ms');
  assert.equal(formatMs(4.2), '4.2 ms');
  assert.equal(formatMs(999.7), '1.00 s');
  assert.equal(formatMs(125_000), '125 s');
});

test('time ticks are round steps that adapt to the duration', () => {
  const second = timeTicks(1000, 10);
  assert.equal(second.stepMs, 100);
  assert.deepEqual(
    second.ticksMs.slice(0, 3).map((t) => formatTick(t, second.stepMs)),
    ['0', '100 ms', '200 ms'],
  );
  assert.equal(formatTick(1000, second.stepMs), '1 s');
  const minute = timeTicks(60_000, 10);
  assert.equal(minute.stepMs, 10_000);
  assert.deepEqual(
    minute.ticksMs.map((t) => formatTick(t, minute.stepMs)),
    ['0', '10 s', '20 s', '30 s', '40 s', '50 s', '60 s'],
  );
  const seed = timeTicks(5512, 12);
  assert.equal(seed.stepMs, 500);
  assert.deepEqual(
    seed.ticksMs.slice(0, 4).map((t) => formatTick(t, seed.stepMs)),
    ['0', '500 ms', '1 s', '1.5 s'],
  );
});

test('the seed timeline: a lane per session, the wait, the BUSY marker, tooltips, the whole duration', () => {
  const result = seedResult('blocking', 'delete');
  const svg = renderTimelineSvg(result);
  assertBalancedTags(svg);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /role="img"/);
  assert.match(
    svg,
    /aria-label="Lock timeline of 2 sessions over 5\.50 s: A failed SQLITE_BUSY after 5\.00 s, B committed/,
  );

  assert.deepEqual(textsWithClass(svg, 'sld-name'), ['A', 'B']);

  // A's error: a marker labelled with its code and how long the statement ran.
  assert.ok(textsWithClass(svg, 'sld-er-text').includes('SQLITE_BUSY after 5.00 s'));
  assert.match(
    svg,
    /<title>A: error\nSQLITE_BUSY \(5\) after 5\.00 s at 5\.50 s — database is locked<\/title>/,
  );

  // The wait is hatched and outlined, unlike the solid bar of the lock B holds.
  const waitBar =
    /<rect [^>]*class="sld-wt" fill="url\(#sld-wait\)"><title>A: waiting for RESERVED, 500 ms – 5\.50 s \(5\.00 s\)<\/title>/;
  assert.match(svg, waitBar);
  assert.match(svg, /<pattern id="sld-wait"[^>]*patternTransform="rotate\(45\)"/);
  assert.match(svg, /<rect [^>]*class="sld-rs"><title>B: RESERVED, 100 ms – 5\.50 s \(5\.40 s\)<\/title>/);
  assert.ok(textsWithClass(svg, 'sld-halo').includes('waiting for RESERVED'));
  assert.ok(textsWithClass(svg, 'sld-halo').includes('RESERVED'));
  assert.match(svg, /<path d="M[\d.]+ [\d.]+v[\d.]+" class="sld-cm"><title>B: commit at 5\.50 s<\/title>/);

  // Theme-aware colours, with fallbacks for a plain page.
  assert.match(svg, /fill:var\(--vscode-charts-orange, #[0-9a-f]{6}\)/);
  // The legend names what is drawn.
  for (const item of ['RESERVED', 'PENDING', 'waiting for a lock', 'commit', 'error']) {
    assert.ok(svg.includes(`>${item}</text>`), item);
  }

  // The axis starts at 0 and its last tick is within one step of the end (5.51 s).
  const ticks = textsWithClass(svg, 'sld-muted');
  assert.equal(ticks[0], '0');
  assert.equal(ticks.at(-1), '5.5 s');
});

test('the matrix as text: one aligned line per configuration with each session’s outcome and time', () => {
  const rows: MatrixRow[] = [
    { model: 'blocking', journal: 'delete', result: seedResult('blocking', 'delete') },
    { model: 'blocking', journal: 'wal', result: seedResult('blocking', 'wal') },
    { model: 'threads', journal: 'delete', result: seedResult('threads', 'delete') },
    { model: 'threads', journal: 'wal', result: seedResult('threads', 'wal') },
    { model: 'processes', journal: 'wal', error: 'better-sqlite3 could not be loaded' },
  ];
  const text = renderMatrixText(rows);
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 2 + rows.length);
  assert.match(lines[0], /^model\s+journal\s+A\s+B\s+rows\s+errors\s+verdict$/);
  assert.match(
    lines[2],
    new RegExp(
      `^blocking\\s+delete\\s+failed SQLITE_BUSY @5\\.50 s\\s+committed @5\\.50 s\\s+1 of 2\\s+SQLITE_BUSY 1\\s+${literally(rows[0].result!.verdict.summary)}`,
    ),
  );
  assert.match(lines[3], /^blocking\s+wal\s+failed SQLITE_BUSY @5\.50 s\s+committed @5\.50 s\s+1 of 2/);
  assert.match(
    lines[4],
    new RegExp(
      `^threads\\s+delete\\s+committed @1\\.11 s\\s+committed @1\\.10 s\\s+2\\s+none\\s+${literally(rows[2].result!.verdict.summary)}`,
    ),
  );
  assert.match(
    lines[6],
    /^processes\s+wal\s+—\s+—\s+—\s+—\s+did not run: better-sqlite3 could not be loaded$/,
  );
  // Aligned: every session-A cell starts in the same column.
  const column = lines[0].indexOf('A ');
  for (const line of lines.slice(2, 6)) {
    assert.match(line.slice(column), /^(failed|committed)/);
  }
});

test('the probe as text: configuration, sessions, errors, rows, verdict', () => {
  const result = seedResult('blocking', 'delete');
  const text = renderProbeText(result);
  assert.match(
    text,
    /^SQLite lock probe: preset seed · model blocking · journal delete · busy_timeout 5.00 s/,
  );
  assert.match(text, /\nSession\s+Outcome\s+At\s+Waited\s+Transactions\n/);
  assert.match(text, /\nA\s+failed SQLITE_BUSY after 5\.00 s\s+5\.50 s\s+5\.00 s\s+0\/1 committed\n/);
  assert.match(text, /\nB\s+committed\s+5\.50 s\s+0 ms\s+1\/1 committed\n/);
  assert.match(text, /\n {2}A: SQLITE_BUSY: database is locked\n/);
  assert.match(text, /\nErrors:\n {2}SQLITE_BUSY {2}1\n/);
  assert.match(text, /\nRows: attempted 2, committed 1, found 1\n/);
  assert.ok(text.includes(`\nVerdict: ${result.verdict.summary}`));
  const firstFixWords = result.verdict.fixes[0].text.split(' ').slice(0, 6).join(' ');
  assert.ok(text.includes(`\nFixes:\n  1. ${firstFixWords}`));
});

test('untrusted names and messages come out escaped in SVG, HTML, Markdown and the terminal', () => {
  const result = hostileResult();
  const svg = renderTimelineSvg(result);
  const html = renderProbeHtml([result], `Probe of ${hostile}`);
  const markdown = renderProbeMarkdown(result);
  const text = renderProbeText(result);

  for (const [name, output] of [
    ['svg', svg],
    ['html', html],
    ['markdown', markdown],
  ]) {
    assert.ok(!output.includes('<script'), `${name} contains a raw <script>`);
    assert.ok(!output.includes('\u001b'), `${name} contains an escape character`);
  }
  assert.ok(svg.includes(escapeHtml(hostile)));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!html.includes('" onload="'));
  assertBalancedTags(svg);
  assert.ok(markdown.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  // A '|' in a message must not split the Markdown table row.
  assert.ok(markdown.includes('\\| pipe'));
  assert.ok(!text.includes('\u001b'), 'terminal output carries an escape sequence');
  assert.ok(text.includes('\uFFFD[31mred'));
});

test('32 writers x 50 transactions: every lane labelled, lanes readable, the SVG stays small', () => {
  const result = burstResult();
  const spans = result.sessions.reduce((sum, session) => sum + session.spans.length, 0);
  assert.ok(spans > 3000, `${spans} spans`);
  const svg = renderTimelineSvg(result);
  assertBalancedTags(svg);

  const sizeKb = Buffer.byteLength(svg) / 1024;
  // Bound: 400 KB. Sub-pixel spans merge or are batched, so this burst is far below it.
  assert.ok(sizeKb < 400, `SVG is ${sizeKb.toFixed(0)} KB`);
  process.stdout.write(`# burst: ${spans} spans -> ${sizeKb.toFixed(1)} KB of SVG\n`);

  const names = textsWithClass(svg, 'sld-name');
  assert.deepEqual(
    names,
    result.sessions.map((session) => session.name),
  );
  // Lanes are at least 14 px apart, so their 10 px labels cannot overlap.
  const laneTops = [...svg.matchAll(/<g class="sld-lane" transform="translate\(0,([\d.]+)\)">/g)].map(
    (match) => Number(match[1]),
  );
  assert.equal(laneTops.length, 32);
  for (let i = 1; i < laneTops.length; i++) {
    assert.ok(laneTops[i] - laneTops[i - 1] >= 14);
  }
  assert.match(
    svg,
    /aria-label="Lock timeline of 32 sessions over [\d.]+ (ms|s): \d+ committed, \d+ failed; errors: SQLITE_BUSY_SNAPSHOT ×\d+\."/,
  );
  // Dense commit ticks become one summarised mark per lane, still with a tooltip.
  assert.match(svg, /<title>writer-01: \d+ commits, [\d.]+ ms – [\d.]+ (ms|s)<\/title>/);
});

test('the HTML report is one standalone document with every result in it', () => {
  const results = [seedResult('blocking', 'delete'), seedResult('threads', 'wal'), burstResult()];
  const html = renderProbeHtml(results, 'The seed scenario');
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  assert.equal(html.match(/<html/g)?.length, 1);
  assert.ok(html.trimEnd().endsWith('</html>'));
  assert.ok(!/https?:/.test(html), 'the report refers to a remote resource');
  assert.ok(!/<script|<link|<img|@import/.test(html));
  assert.equal(html.match(/<svg /g)?.length, results.length);
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  assert.match(html, /<h2>Overview<\/h2>/);
  const seed = results[0].verdict;
  assert.ok(html.includes(`class="verdict problem"><strong>Verdict:</strong> ${escapeHtml(seed.summary)}`));
  assert.ok(html.includes(`<h3>Fixes</h3><ol><li>${escapeHtml(seed.fixes[0].text)}`));
  assert.equal(sessionRows(results[2]).length, 32);

  const single = renderProbeHtml([results[0]], 'Probe of app.db');
  assert.ok(!single.includes('Overview'));
  assert.equal(single.match(/<svg /g)?.length, 1);

  // Previews to look at (see the report): SLD_PREVIEW_DIR=/tmp/sld-preview node --test ...
  const previewDir = process.env.SLD_PREVIEW_DIR;
  if (previewDir) {
    mkdirSync(previewDir, { recursive: true });
    writeFileSync(join(previewDir, 'seed.html'), single);
    writeFileSync(join(previewDir, 'matrix.html'), html);
    writeFileSync(join(previewDir, 'burst.html'), renderProbeHtml([results[2]], 'Burst: 32 writers x 50'));
    writeFileSync(join(previewDir, 'seed.svg'), renderTimelineSvg(results[0]));
    writeFileSync(join(previewDir, 'burst.svg'), renderTimelineSvg(results[2]));
    writeFileSync(join(previewDir, 'seed.md'), renderProbeMarkdown(results[0]));
    writeFileSync(join(previewDir, 'seed.txt'), renderProbeText(results[0]));
    writeFileSync(join(previewDir, 'burst.txt'), renderProbeText(results[2]));
    writeFileSync(
      join(previewDir, 'matrix.txt'),
      renderMatrixText(
        results.map((result) => ({ model: result.config.model, journal: result.config.journal, result })),
      ),
    );
  }
});

test('a summarised burst: bucketed lanes, a note that says what is left out, the last commit as “At”', () => {
  const writers = burstScripts(8, 2_100);
  const result = fixtureResult({ model: 'threads', journalMode: 'wal', preset: 'burst' }, writers);
  assert.equal(result.summarised, true);
  const svg = renderTimelineSvg(result);
  assertBalancedTags(svg);
  const sizeKb = Buffer.byteLength(svg) / 1024;
  assert.ok(sizeKb < 400, `SVG is ${sizeKb.toFixed(0)} KB`);
  const text = renderProbeText(result);
  assert.match(text, /\nSummarised: \d+ of \d+ events are listed/);
  assert.match(renderProbeHtml([result], 'Burst'), /<p class="note">Summarised: /);
  sessionRows(result).forEach((row, index) => {
    const lastCommit = writers[index].events.findLast((event) => event.kind === 'commit');
    assert.equal(row.outcomeAtMs, lastCommit!.tUs / 1000, row.name);
  });
  assert.equal(renderProbeText(seedResult('threads', 'wal')).includes('Summarised'), false);
});
