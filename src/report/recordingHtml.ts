// One standalone HTML file for a recording (record --html): the findings, the lanes drawn by the
// probe's timeline code, the tables and the limits. No scripts, no external resources, every
// untrusted string escaped.
import type { Recording } from '../engine/record/recordingTypes';
import { escapeHtml } from './escapeHtml';
import { htmlPage } from './htmlPage';
import {
  type Table,
  pendingTable,
  pinningTable,
  processTable,
  recordingFindings,
  samplingLine,
  writeHoldTable,
} from './recordingFindings';
import { recordingTimeline } from './recordingTimeline';
import type { TimelineLane } from './timelineModel';
import { type TimelineOptions, renderLanesSvg } from './timelineSvg';

const h = escapeHtml;

/**
 * The recording's lanes as one SVG (the timeline drawing shared with the probe): standalone by default;
 * a webview passes `embedStyle: false` and installs timelineCss() once, as for the probe. `extraLanes`
 * go on top (a load test's requests).
 */
export function renderRecordingSvg(
  recording: Recording,
  options: TimelineOptions & { extraLanes?: readonly TimelineLane[] } = {},
): string {
  const model = recordingTimeline(recording);
  const { extraLanes = [], ...svgOptions } = options;
  return renderLanesSvg(
    { ...model, lanes: [...extraLanes, ...model.lanes] },
    { idPrefix: 'rec', ...svgOptions },
  );
}

export function renderRecordingHtml(recording: Recording): string {
  const title = `Lock recording of ${recording.database}`;
  return htmlPage(title, recordingSectionHtml(recording));
}

/** The recording as part of a page: its sampling line and one section (a load test's report shows it
 * below the load summary). */
export function recordingSectionHtml(
  recording: Recording,
  heading = 'Summary',
  extraLanes: readonly TimelineLane[] = [],
): string {
  const findings = recordingFindings(recording)
    .map((finding) => `<li>${h(finding)}</li>`)
    .join('');
  const limits = recording.limits.map((limit) => `<li>${h(limit)}</li>`).join('');
  return `<p class="muted">${h(samplingLine(recording))} · started ${h(recording.startedAt)}</p>
<section class="result">
<h2>${h(heading)}</h2>
<ul>${findings}</ul>
<figure>${renderRecordingSvg(recording, { inHtml: true, extraLanes })}</figure>
${table('Processes', processTable(recording))}
${table('Longest write-lock holds', writeHoldTable(recording))}
${table('Writers kept in PENDING by readers', pendingTable(recording))}
${table('Read snapshots held while the WAL grew', pinningTable(recording))}
<h3>Limits</h3>
<ul>${limits}</ul>
</section>`;
}

function table(title: string, content: Table): string {
  if (content.rows.length === 0) {
    return '';
  }
  const cell = (text: string, column: number, tag: 'td' | 'th') =>
    `<${tag}${content.numeric.includes(column) ? ' class="num"' : ''}>${h(text)}</${tag}>`;
  const head = content.header.map((text, column) => cell(text, column, 'th')).join('');
  const body = content.rows
    .map((row) => `<tr>${row.map((text, column) => cell(text, column, 'td')).join('')}</tr>`)
    .join('\n');
  return `<h3>${h(title)}</h3><div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
