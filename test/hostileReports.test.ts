// Every report that shows outside text, fed every hostile string (test/support/hostileText.ts) in every
// outside field (paths, session, table and process names, command lines, SQLite messages, log lines,
// URLs): HTML parses (happy-dom) and SVG parses as strict XML (sax) with no element or attribute that
// the same report with plain names lacks, and the text reads back exactly; Markdown, rendered by
// markdown-it with raw HTML allowed (as VS Code's preview does), likewise; the terminal text has no
// escape sequence, C0/C1 or bidi control left raw. A last test fails when src/report gains an exported
// function that is neither run here nor said to be a part of one that is.
import './support/installDom';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import sax from 'sax';
import { printable, shownAsText } from '../src/engine/text/printable';
import { explainJson } from '../src/report/explain/explainJson';
import { explainMarkdown } from '../src/report/explain/explainMarkdown';
import { formatExplainText } from '../src/report/explain/explainText';
import { hintsJson } from '../src/report/hints/hintsJson';
import { hintsSarif } from '../src/report/hints/hintsSarif';
import { formatHintsText, hintsSummary } from '../src/report/hints/hintsText';
import { htmlPage } from '../src/report/htmlPage';
import { renderProbeHtml } from '../src/report/htmlReport';
import { loadSectionHtml, renderLoadHtml } from '../src/report/load/loadHtml';
import { renderLoadMarkdown } from '../src/report/load/loadMarkdown';
import { renderLoadText } from '../src/report/load/loadText';
import { renderProbeMarkdown } from '../src/report/markdownReport';
import { recordingSectionHtml, renderRecordingHtml, renderRecordingSvg } from '../src/report/recordingHtml';
import { renderRecordingMarkdown } from '../src/report/recordingMarkdown';
import { renderRecordingText } from '../src/report/recordingText';
import { renderMatrixText } from '../src/report/textReport';
import { renderSweepText } from '../src/report/sweep/sweepText';
import { renderProbeText } from '../src/report/textReport';
import { renderLanesSvg, renderTimelineSvg } from '../src/report/timelineSvg';
import { probeTimeline } from '../src/report/probeTimeline';
import { requestsLane } from '../src/report/load/requestsLane';
import {
  explainFixture,
  hintsFixture,
  loadFixture,
  probeFixture,
  recordingFixture,
  scenarioProbeFixture,
  sweepFixture,
  withText,
} from './support/hostileFixtures';
import { firstRawControl, hostileStrings } from './support/hostileText';
import { recordSafetyCases } from './support/safetyTally';

type Format = 'html' | 'svg' | 'markdown' | 'text' | 'json';

interface Rendered {
  output: string;
  /** The outside strings put in (each marked `Q<n>q`). */
  shown: string[];
}

interface Renderer {
  name: string;
  format: Format;
  /** The input is a log: its line breaks make lines, each read back on its own. */
  log?: boolean;
  /** The report with each outside string `variant(n)`. */
  render(variant: (index: number) => string): Rendered;
}

const toolInfo = { name: 'sqlite-lock-doctor', version: '0.0.0', informationUri: 'https://example.invalid/' };

function from<T>(fixture: () => T, render: (input: T) => string) {
  return (variant: (index: number) => string): Rendered => {
    const { value, shown } = withText(fixture(), variant);
    return { output: render(value), shown };
  };
}

function explained(render: (input: ReturnType<typeof explainFixture>) => string) {
  return (variant: (index: number) => string): Rendered => {
    const line = variant(0);
    return { output: render(explainFixture(line)), shown: [line] };
  };
}

/** Every renderer of outside text, by the name it is exported under. */
const renderers: Renderer[] = [
  {
    name: 'renderProbeHtml',
    format: 'html',
    render: from(probeFixture, (result) => renderProbeHtml([result], `Probe of ${result.config.database}`)),
  },
  { name: 'renderRecordingHtml', format: 'html', render: from(recordingFixture, renderRecordingHtml) },
  {
    name: 'recordingSectionHtml',
    format: 'html',
    render: from(recordingFixture, (recording) =>
      htmlPage(recording.database, recordingSectionHtml(recording)),
    ),
  },
  {
    name: 'renderLoadHtml',
    format: 'html',
    render: from(loadFixture, (result) => renderLoadHtml(result, `Load test of ${result.config.database}`)),
  },
  {
    name: 'loadSectionHtml',
    format: 'html',
    render: from(loadFixture, (result) => htmlPage('load', loadSectionHtml(result))),
  },
  {
    name: 'htmlPage',
    format: 'html',
    render: (variant) => ({ output: htmlPage(variant(0), '<p>body</p>'), shown: [variant(0)] }),
  },
  {
    name: 'renderTimelineSvg',
    format: 'svg',
    render: from(probeFixture, (result) => renderTimelineSvg(result)),
  },
  {
    name: 'renderLanesSvg',
    format: 'svg',
    render: from(loadFixture, (result) =>
      renderLanesSvg({ ...probeTimeline(probeFixture()), lanes: [requestsLane(result)] }),
    ),
  },
  {
    name: 'renderRecordingSvg',
    format: 'svg',
    render: from(recordingFixture, (recording) => renderRecordingSvg(recording)),
  },
  { name: 'renderProbeMarkdown', format: 'markdown', render: from(probeFixture, renderProbeMarkdown) },
  {
    name: 'renderRecordingMarkdown',
    format: 'markdown',
    render: from(recordingFixture, renderRecordingMarkdown),
  },
  { name: 'renderLoadMarkdown', format: 'markdown', render: from(loadFixture, renderLoadMarkdown) },
  { name: 'explainMarkdown', format: 'markdown', log: true, render: explained(explainMarkdown) },
  { name: 'renderProbeText', format: 'text', render: from(probeFixture, renderProbeText) },
  // A scenario file's run: its file name is in the titles (probeName).
  { name: 'probeName', format: 'text', render: from(scenarioProbeFixture, renderProbeText) },
  { name: 'probeName', format: 'markdown', render: from(scenarioProbeFixture, renderProbeMarkdown) },
  {
    name: 'probeName',
    format: 'html',
    render: from(scenarioProbeFixture, (result) => renderProbeHtml([result], 'Probe')),
  },
  {
    name: 'renderMatrixText',
    format: 'text',
    render: from(probeFixture, (result) =>
      renderMatrixText([{ model: result.config.model, journal: 'keep', result }] as Parameters<
        typeof renderMatrixText
      >[0]),
    ),
  },
  { name: 'renderRecordingText', format: 'text', render: from(recordingFixture, renderRecordingText) },
  {
    name: 'renderSweepText',
    format: 'text',
    render: from(sweepFixture, (result) => renderSweepText(result, 40)),
  },
  { name: 'renderLoadText', format: 'text', render: from(loadFixture, renderLoadText) },
  { name: 'formatExplainText', format: 'text', log: true, render: explained(formatExplainText) },
  { name: 'formatHintsText', format: 'text', render: from(hintsFixture, formatHintsText) },
  { name: 'hintsSummary', format: 'text', render: from(hintsFixture, hintsSummary) },
  {
    name: 'explainJson',
    format: 'json',
    log: true,
    render: explained((explanation) => JSON.stringify(explainJson(explanation))),
  },
  {
    name: 'hintsJson',
    format: 'json',
    render: from(hintsFixture, (result) => JSON.stringify(hintsJson('/work/app', result, []))),
  },
  {
    name: 'hintsSarif',
    format: 'json',
    render: from(hintsFixture, (result) => JSON.stringify(hintsSarif('/work/app', result, [], toolInfo))),
  },
];

// ------------------------------------------------------------------------------------------------
// Reading each format as its consumer does.

interface Structure {
  elements: Set<string>;
  attributes: Set<string>;
  /** Text content and attribute values, whitespace collapsed. */
  text: string;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function htmlStructure(html: string): Structure {
  const parser = new window.DOMParser();
  const document = parser.parseFromString(html, 'text/html');
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const pieces: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    elements.add(element.localName);
    for (const attribute of element.attributes) {
      attributes.add(attribute.name);
      pieces.push(attribute.value);
    }
  }
  pieces.push(document.documentElement?.textContent ?? '');
  return { elements, attributes, text: collapse(pieces.join(' ')) };
}

/** Strict XML: a standalone SVG file that does not parse is an error, not a best effort. */
function svgStructure(svg: string): Structure {
  const parser = sax.parser(true, { xmlns: false });
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const pieces: string[] = [];
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    elements.add(tag.name);
    // Without xmlns, sax gives attribute values as plain strings.
    for (const [name, value] of Object.entries(tag.attributes as Record<string, string>)) {
      attributes.add(name);
      pieces.push(value);
    }
  };
  parser.ontext = (text) => pieces.push(text);
  parser.oncdata = (text) => pieces.push(text);
  parser.write(svg).close();
  return { elements, attributes, text: collapse(pieces.join(' ')) };
}

const markdown = new MarkdownIt({ html: true });

function markdownStructure(source: string): Structure {
  return htmlStructure(`<!doctype html><html><body>${markdown.render(source)}</body></html>`);
}

// eslint-disable-next-line no-control-regex
const xmlForbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** How a string reads back from each format when rendered as the text it is. */
const readBack: Record<Exclude<Format, 'json' | 'text'>, (text: string) => string> = {
  // escapeHtml: bidi and C1 controls, and what XML forbids, shown as U+FFFD.
  html: (text) => collapse(shownAsText(text).replace(xmlForbidden, '\uFFFD')),
  svg: (text) => collapse(shownAsText(text).replace(xmlForbidden, '\uFFFD')),
  // escapeMarkdown: one line; controls and bidi controls shown as U+FFFD, as in the terminal.
  markdown: (text) => collapse(printable(text)),
};

/** Elements that would mean the input became markup, whatever the report draws otherwise. */
const neverFromInput = [
  'script',
  'img',
  'iframe',
  'object',
  'embed',
  'foreignObject',
  'a',
  'form',
  'input',
  'style',
  'link',
  'meta',
  'circle',
  'b',
  'i',
  'h1',
  'code',
  'strong',
  'em',
  'del',
  's',
];

const plain = (index: number) => `Q${index}q`;

// ------------------------------------------------------------------------------------------------

let tried = 0;
let markupRendered = 0;
after(() =>
  recordSafetyCases({
    family: 'hostile-text',
    suite: 'every report renderer x every hostile string',
    tried,
    markupRendered,
  }),
);

describe('hostile text in every report', () => {
  for (const renderer of renderers) {
    test(`${renderer.name} (${renderer.format})`, () => {
      const benign = renderer.render(plain);
      const benignStructure = structureOf(renderer.format, benign.output);
      for (const hostile of hostileStrings) {
        tried++;
        const variant = (index: number) => `${plain(index)}${hostile.text}`;
        const rendered = renderer.render(variant);
        try {
          checkCase(renderer, benign, benignStructure, rendered);
        } catch (error) {
          markupRendered++;
          throw new Error(
            `${renderer.name} with ${hostile.what}: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
      }
    });
  }
});

function structureOf(format: Format, output: string): Structure | undefined {
  switch (format) {
    case 'html':
      return htmlStructure(output);
    case 'svg':
      return svgStructure(output);
    case 'markdown':
      return markdownStructure(output);
    default:
      return undefined;
  }
}

/** A path in a SARIF artifact URI: each segment percent-encoded (a lone surrogate as U+FFFD). */
function uriOf(text: string): string {
  return text
    .split('/')
    .map((segment) => encodeURIComponent(segment.replace(/\p{Cs}/gu, '\uFFFD')))
    .join('/');
}

/** What must read back: the string, or for a log its first line (explain quotes the lines it recognised). */
function piecesOf(renderer: Renderer, text: string): string[] {
  return renderer.log ? [text.split(/\r\n|\r|\n/)[0]] : [text];
}

function checkCase(
  renderer: Renderer,
  benign: Rendered,
  benignStructure: Structure | undefined,
  rendered: Rendered,
): void {
  const { format } = renderer;
  const shown = rendered.shown.map((text, index) => ({ index, pieces: piecesOf(renderer, text) }));
  if (format === 'json') {
    // Data, not markup: it parses, and every string put in comes back exactly.
    const parsed = JSON.stringify(JSON.parse(rendered.output));
    const inJson = (text: string) => JSON.stringify(text).slice(1, -1);
    for (const { index, pieces } of shown) {
      for (const text of benign.output.includes(plain(index)) ? pieces : []) {
        const uri = uriOf(text);
        assert.ok(
          parsed.includes(inJson(text)) || parsed.includes(inJson(uri)),
          `${JSON.stringify(text).slice(0, 80)} round-trips`,
        );
      }
    }
    return;
  }
  if (format === 'text') {
    assert.equal(
      firstRawControl(rendered.output),
      undefined,
      'no raw control character in the terminal text',
    );
    const output = collapse(rendered.output);
    for (const { index, pieces } of shown) {
      for (const text of benign.output.includes(plain(index)) ? pieces : []) {
        const expected = collapse(printable(text));
        // A long log line is quoted up to a limit, cut with an ellipsis.
        const cut =
          expected.length > 200 && output.includes(`${expected.slice(0, 100)}`) && output.includes('…');
        assert.ok(output.includes(expected) || cut, `${JSON.stringify(text).slice(0, 80)} shows, escaped`);
      }
    }
    return;
  }
  const structure = structureOf(format, rendered.output);
  assert.ok(structure && benignStructure);
  const newElements = [...structure.elements].filter((name) => !benignStructure.elements.has(name));
  assert.deepEqual(newElements, [], 'no element made from the input');
  const newAttributes = [...structure.attributes].filter((name) => !benignStructure.attributes.has(name));
  assert.deepEqual(newAttributes, [], 'no attribute made from the input');
  assert.deepEqual(
    [...structure.attributes].filter((name) => /^on/i.test(name)),
    [],
    'no event handler attribute',
  );
  assert.deepEqual(
    neverFromInput.filter((name) => structure.elements.has(name) && !benignStructure.elements.has(name)),
    [],
  );
  for (const { index, pieces } of shown) {
    for (const text of benignStructure.text.includes(plain(index)) ? pieces : []) {
      const expected = readBack[format](text);
      assert.ok(
        structure.text.includes(expected),
        `${JSON.stringify(text).slice(0, 80)} reads back as the text it is`,
      );
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Coverage: every exported function of src/report is either run above or named as a part of one that
// is (it builds pieces of a covered report, or returns no outside text).

/** Parts, each with the covered renderer(s) its output ends up in, or why it shows no outside text. */
const parts: Record<string, string> = {
  // Helpers of the escaping itself (the checks above are their test).
  escapeHtml: 'used by every HTML/SVG renderer',
  escapeMarkdown: 'used by every Markdown renderer',
  alignColumns: 'text tables (renderRecordingText, renderLoadText, formatHintsText)',
  wrapText: 'text prose (renderLoadText, renderProbeText)',
  // The probe's timeline (renderTimelineSvg, renderProbeHtml).
  probeTimeline: 'renderTimelineSvg',
  timelineLayout: 'renderLanesSvg',
  renderLane: 'renderLanesSvg',
  renderLegend: 'renderLanesSvg',
  timelineCss: 'renderLanesSvg (fixed CSS, no outside text)',
  timelineSummary: 'renderLanesSvg',
  barLabels: 'renderLanesSvg',
  barTooltip: 'renderLanesSvg',
  batchTooltip: 'renderLanesSvg',
  columnBatchTooltip: 'renderLanesSvg',
  columnRunTooltip: 'renderLanesSvg',
  commitTooltip: 'renderLanesSvg',
  errorTooltip: 'renderLanesSvg',
  errorLabels: 'renderLanesSvg',
  describeWait: 'renderLanesSvg',
  columnBars: 'renderLanesSvg',
  drawsByColumn: 'renderLanesSvg',
  laneMarks: 'renderLanesSvg',
  lanePoints: 'renderLanesSvg',
  laneColumns: 'renderLanesSvg',
  columnStates: 'renderLanesSvg',
  packLane: 'renderLanesSvg',
  packTimeline: 'renderLanesSvg',
  visibleSpanRange: 'renderLanesSvg (numbers)',
  firstAbove: 'renderLanesSvg (numbers)',
  firstAtLeast: 'renderLanesSvg (numbers)',
  lockRank: 'renderLanesSvg (numbers)',
  heldClass: 'renderLanesSvg (a fixed class name)',
  estimateTextWidth: 'renderLanesSvg (numbers)',
  timeTicks: 'renderLanesSvg (numbers)',
  formatTick: 'renderLanesSvg (numbers)',
  num: 'renderLanesSvg (numbers)',
  // The probe's tables and words (text, Markdown, HTML).
  configFacts: 'renderProbeText, renderProbeMarkdown, renderProbeHtml',
  describeTarget: 'renderProbeText, renderProbeMarkdown, renderProbeHtml',
  describeJournal: 'renderProbeText, renderProbeMarkdown, renderProbeHtml',
  sessionRows: 'renderProbeText, renderProbeMarkdown, renderProbeHtml',
  errorCountRows: 'renderProbeText, renderProbeMarkdown, renderProbeHtml',
  describeErrorCounts: 'renderProbeText, renderProbeMarkdown, renderProbeHtml',
  describeOutcome: 'renderProbeText, renderProbeMarkdown, renderProbeHtml',
  describeOutcomeAt: 'renderProbeText, renderProbeMarkdown, renderProbeHtml',
  outcomeAtMs: 'renderProbeText (numbers)',
  outcomeCounts: 'renderProbeText (numbers)',
  hasProblem: 'renderProbeHtml (a boolean)',
  summaryNote: 'renderProbeText, renderProbeMarkdown, renderProbeHtml',
  matrixTable: 'renderMatrixText',
  // The recording's parts (text, Markdown, HTML, SVG).
  recordingTimeline: 'renderRecordingSvg',
  processLabel: 'renderRecordingSvg, renderRecordingText',
  recordingFindings: 'renderRecordingText, renderRecordingMarkdown, renderRecordingHtml',
  samplingLine: 'renderRecordingText, renderRecordingMarkdown, renderRecordingHtml',
  processTable: 'renderRecordingText, renderRecordingMarkdown, renderRecordingHtml',
  writeHoldTable: 'renderRecordingText, renderRecordingMarkdown, renderRecordingHtml',
  writeHoldStates: 'renderRecordingText, renderRecordingMarkdown, renderRecordingHtml',
  pendingTable: 'renderRecordingText, renderRecordingMarkdown, renderRecordingHtml',
  pinningTable: 'renderRecordingText, renderRecordingMarkdown, renderRecordingHtml',
  stateName: 'renderRecordingText (a lock state name)',
  // The load test's parts.
  requestsLane: 'renderLanesSvg (the load lane case above)',
  loadResultOf: 'renderLoadMarkdown (picks the result, no text of its own)',
  loadFacts: 'renderLoadText, renderLoadMarkdown, renderLoadHtml',
  responseRows: 'renderLoadText, renderLoadMarkdown, renderLoadHtml',
  latencyLine: 'renderLoadText, renderLoadMarkdown, renderLoadHtml',
  rowsLine: 'renderLoadText, renderLoadMarkdown, renderLoadHtml',
  lockErrorRows: 'renderLoadText, renderLoadMarkdown, renderLoadHtml',
  appErrorLines: 'renderLoadText, renderLoadMarkdown, renderLoadHtml',
  appExitLine: 'renderLoadText, renderLoadMarkdown, renderLoadHtml',
  // The sweep's table, printed level by level as each completes.
  sweepHeading: 'renderSweepText',
  sweepRow: 'renderSweepText',
  sweepConclusion: 'renderSweepText',
  // explain and hints.
  explainHeadline: 'formatExplainText, explainMarkdown',
  kindCounts: 'formatExplainText, explainMarkdown (numbers)',
  lineList: 'formatExplainText, explainMarkdown',
  oneBased: 'hintsJson (numbers)',
  hintScenarioCommand: 'formatHintsText (a command line made of the engine vocabulary)',
};

function reportSources(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = join(folder, entry);
    return statSync(full).isDirectory() ? reportSources(full) : entry.endsWith('.ts') ? [full] : [];
  });
}

test('every exported function of src/report is a covered renderer or a named part of one', () => {
  const root = join(__dirname, '..', '..', 'src', 'report');
  const exported = reportSources(root).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^export (?:async )?function (\w+)/gm)].map((match) => match[1]),
  );
  assert.ok(exported.length > 50, `found the report functions (${exported.length})`);
  const covered = new Set(renderers.map((renderer) => renderer.name));
  const unlisted = exported.filter((name) => !covered.has(name) && parts[name] === undefined);
  assert.deepEqual(unlisted, [], 'new report functions: add them to the renderers above or to parts');
  const stale = [...Object.keys(parts), ...covered].filter((name) => !exported.includes(name));
  assert.deepEqual(stale, [], 'listed functions that src/report no longer exports');
});
