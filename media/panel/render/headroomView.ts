// The Headroom view: the last concurrency sweep as the headroom chart, drawn with lit-html from the same
// geometry as `sweep --html` (src/report/sweep/headroomGeometry.ts), so both show the same picture.
// Hovering or focusing a level (Tab, then arrow keys move between levels) shows its exact figures; the
// table under the chart has every figure for screen readers. lit-html escapes every text it draws.
import { html, nothing, svg, type TemplateResult } from 'lit-html';
import {
  headroomGeometry,
  tipLineHeight,
  type HeadroomGeometry,
  type HeadroomPoint,
} from '../../../src/report/sweep/headroomGeometry';
import { headroomLegend } from '../../../src/report/sweep/headroomSvg';
import { headroomClass } from '../../../src/report/sweep/headroomStyle';
import {
  sweepFacts,
  sweepLevelHeader,
  sweepLevelRows,
  sweepNumericColumns,
} from '../../../src/report/sweep/sweepFacts';
import { estimateTextWidth } from '../../../src/report/labelSlots';
import type { PanelState } from '../../../src/shared/panelProtocol';
import type { ViewActions } from './actions';
import { dataTable } from './table';

export function renderHeadroomView(state: PanelState, width: number, actions: ViewActions): TemplateResult {
  const sweep = state.lastSweep;
  const running = state.busy?.kind === 'sweep';
  const run = html`<vscode-button
    id="run-sweep"
    ?disabled=${state.busy !== null || !state.trusted}
    @click=${() => actions.post({ type: 'runSweep' })}
    >Sweep Concurrency…</vscode-button
  >`;
  if (sweep === null) {
    return html`<section id="headroom" aria-labelledby="headroom-title">
      <h2 id="headroom-title">Headroom</h2>
      <p class="muted">
        How many concurrent requests before it breaks? A sweep runs a preset's transactions at several
        concurrency levels (1, 2, 4, 8, 16 clients by default) on a scratch copy and draws, per level, the
        success rate and p50/p95 latency, marking where failures start.
      </p>
      ${running ? html`<p class="muted">${state.busy?.label}</p>` : run}
    </section>`;
  }
  const geometry = headroomGeometry(sweep, Math.max(360, Math.floor(width)));
  const failing = sweep.firstFailingClients !== undefined;
  return html`<section id="headroom" aria-labelledby="headroom-title">
    <div class="section-head">
      <div>
        <h2 id="headroom-title">Headroom</h2>
        <p class="muted">
          ${sweepFacts(sweep)
            .filter(([label]) => label !== 'database')
            .map(([label, value]) => `${label} ${value}`)
            .join(' · ')}
        </p>
        ${
          state.database !== null && sweep.database !== state.database.path
            ? html`<p class="hint">From a sweep of ${sweep.database}.</p>`
            : nothing
        }
      </div>
      ${running ? nothing : run}
    </div>
    <p id="headroom-summary" class="verdict ${failing ? 'verdict-problem' : 'verdict-ok'}">
      ${geometry.summary}
    </p>
    <div id="headroom-chart" class="timeline headroom-chart">${chart(geometry)}</div>
    <p class="hint">
      Hover a level, or Tab to the chart and move with the arrow keys, for its exact figures. The table has
      them all.
    </p>
    ${dataTable(
      'headroom-levels',
      'Sweep levels',
      sweepLevelHeader.map((label, column) => ({ label, numeric: sweepNumericColumns.includes(column) })),
      sweepLevelRows(sweep).map((cells, index) => ({
        key: cells[0] + ':' + index,
        cells,
        data: {
          clients: cells[0],
          ...(sweep.levels[index]?.clients === sweep.firstFailingClients ? { 'first-failing': 'true' } : {}),
        },
      })),
    )}
  </section>`;
}

function chart(geometry: HeadroomGeometry): TemplateResult {
  const { width, height, plotX0, plotX1 } = geometry;
  const first = geometry.firstFailing;
  const rightHalf = first !== undefined && first.x > (plotX0 + plotX1) / 2;
  let legendX = 8;
  const legend = headroomLegend.map((entry) => {
    const x = legendX;
    legendX += 17 + estimateTextWidth(entry.label, 12) + 18;
    return svg`<rect x=${x} y="8" width="12" height="12" rx="2" class=${entry.swatch}></rect>
      <text x=${x + 17} y="14">${entry.label}</text>`;
  });
  const gridline = (y: number, label: string) =>
    svg`<path d=${`M${plotX0} ${y}H${plotX1}`} class="sh-grid"></path>
      <text x=${plotX0 - 6} y=${y} text-anchor="end" class="sh-muted">${label}</text>`;
  return html`<svg
    class=${headroomClass}
    width=${width}
    height=${height}
    viewBox="0 0 ${width} ${height}"
    role="group"
    aria-label=${geometry.summary}
    font-size="11"
    @keydown=${moveBetweenLevels}
  >
    <g font-size="12">${legend}</g>
    ${geometry.rateTicks.map((tick) => gridline(tick.at, tick.label))}
    ${geometry.latencyTicks.map((tick) => gridline(tick.at, tick.label))}
    ${geometry.clientTicks.map(
      (tick) =>
        svg`<text x=${tick.at} y=${geometry.clientLabelY} text-anchor="middle" class="sh-muted">${tick.label}</text>`,
    )}
    <text x=${plotX0} y=${geometry.rateTop - 12} font-weight="600">Success rate</text>
    <text x=${plotX0} y=${geometry.latencyTop - 12} font-weight="600">Latency (p50, p95)</text>
    <text x=${(plotX0 + plotX1) / 2} y=${geometry.clientLabelY + 16} text-anchor="middle" class="sh-muted">
      clients (requests in flight)
    </text>
    ${[geometry.rateBottom, geometry.latencyBottom].map(
      (y) => svg`<path d=${`M${plotX0} ${y}H${plotX1}`} class="sh-axis"></path>`,
    )}
    ${
      first === undefined
        ? nothing
        : svg`<path id="headroom-first-failing" d=${`M${first.x} ${geometry.rateTop - 4}V${geometry.latencyBottom}`} class="sh-first"></path>
          <text x=${rightHalf ? first.x - 6 : first.x + 6} y=${geometry.rateTop - 12} text-anchor=${rightHalf ? 'end' : 'start'}
            class="sh-first-text">${first.label}</text>`
    }
    ${
      geometry.points.length > 1
        ? svg`<polyline points=${geometry.ratePoints} class="sh-rate"></polyline>
          <polyline points=${geometry.p50Points} class="sh-p50"></polyline>
          <polyline points=${geometry.p95Points} class="sh-p95"></polyline>`
        : nothing
    }
    ${geometry.points.map(
      (point) =>
        svg`<circle cx=${point.x} cy=${point.rateY} r="4.5" class=${`sh-dot-rate${point.failing ? ' sh-failing' : ''}`}></circle>
          <circle cx=${point.x} cy=${point.p50Y} r="3" class="sh-dot-p50"></circle>
          <circle cx=${point.x} cy=${point.p95Y} r="3" class="sh-dot-p95"></circle>`,
    )}
    ${geometry.points.map((point) => level(point, geometry))}
  </svg>`;
}

/** A level's hover column and its figures' box, shown on hover and on focus by the stylesheet. */
function level(point: HeadroomPoint, geometry: HeadroomGeometry): TemplateResult {
  const top = geometry.rateTop - 4;
  return svg`<g class="sh-level" tabindex="0" role="img" data-clients=${point.clients}
      aria-label=${point.figures.join(', ')}>
    <rect x=${point.bandX0} y=${top} width=${point.bandX1 - point.bandX0} height=${geometry.latencyBottom - top}
      class="sh-band"></rect>
    <g class="sh-tip">
      <rect x=${point.tipX} y=${point.tipY} width=${point.tipWidth} height=${point.tipHeight} rx="3"></rect>
      ${point.figures.map(
        (line, index) =>
          svg`<text x=${point.tipX + 6} y=${point.tipY + 6 + tipLineHeight * (index + 0.5)}
            font-weight=${index === 0 ? '600' : 'normal'}>${line}</text>`,
      )}
    </g>
  </g>`;
}

/** Left and right arrows move the focus (and so the figures shown) between levels. */
function moveBetweenLevels(event: KeyboardEvent): void {
  if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') {
    return;
  }
  const current = (event.target as Element | null)?.closest('.sh-level');
  const levels = [...(event.currentTarget as Element).querySelectorAll<SVGGElement>('.sh-level')];
  const index = current ? levels.indexOf(current as SVGGElement) : -1;
  const next =
    levels[Math.min(levels.length - 1, Math.max(0, index + (event.key === 'ArrowRight' ? 1 : -1)))];
  if (next !== undefined) {
    event.preventDefault();
    next.focus();
  }
}
