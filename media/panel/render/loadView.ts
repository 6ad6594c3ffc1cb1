// The load test's result beside its recording: the seed's check in one line first, then responses by
// status, latency percentiles, rows added and lock errors (the same facts as `load`'s reports).
import { html, nothing, type TemplateResult } from 'lit-html';
import {
  latencyLine,
  loadFacts,
  loadResultOf,
  lockErrorRows,
  responseRows,
  rowsLine,
} from '../../../src/report/load/loadFacts';
import { dataTable } from './table';

export function renderLoad(load: unknown): TemplateResult | typeof nothing {
  const result = loadResultOf(load);
  if (result === undefined) {
    return nothing;
  }
  const fine = result.check.rowsMatchSuccesses && result.failed === 0;
  const errors = lockErrorRows(result);
  return html`<section id="load-result" aria-labelledby="load-title">
    <h3 id="load-title">Load test</h3>
    <p id="load-check" class="load-check ${fine ? '' : 'text-warning'}">
      ${result.cancelled ? 'Cancelled: ' : ''}${result.check.text}
    </p>
    <dl class="facts-grid" id="load-facts">
      ${loadFacts(result).map(
        ([name, value]) =>
          html`<div class="fact">
            <dt>${name}</dt>
            <dd>${value}</dd>
          </div>`,
      )}
      <div class="fact">
        <dt>latency</dt>
        <dd id="load-latency">${latencyLine(result)}</dd>
      </div>
      <div class="fact">
        <dt>rows</dt>
        <dd id="load-rows">${rowsLine(result)}</dd>
      </div>
    </dl>
    <div class="result-columns">
      <div>
        <h3>Responses</h3>
        ${dataTable(
          'load-responses',
          'Responses by status',
          [{ label: 'Response' }, { label: 'Requests', numeric: true }],
          responseRows(result).map(([status, count]) => ({ key: status, cells: [status, count] })),
        )}
      </div>
      ${
        errors.length === 0
          ? nothing
          : html`<div>
              <h3>Lock errors</h3>
              ${dataTable(
                'load-lock-errors',
                'Lock errors by kind',
                [
                  { label: 'Kind' },
                  { label: "In the app's output", numeric: true },
                  { label: 'In responses', numeric: true },
                ],
                errors.map(([kind, app, responses]) => ({ key: kind, cells: [kind, app, responses] })),
              )}
            </div>`
      }
    </div>
  </section>`;
}
