// Beside the lock holders table: what is wrong with a holder's process (stopped or traced while it
// holds a lock, lost locks) and the SQLite each one runs, with that version's known bugs. The
// warnings are the engine's sentences (the ones `locks` prints), carried in the report.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { SqliteLibrary } from '../../../src/engine/holders/processFacts';
import type { LockReport } from '../../../src/engine/locks/lockReport';

export function renderHolderProcesses(report: LockReport): TemplateResult | typeof nothing {
  const processes = report.processes ?? [];
  if (!report.supported || processes.length === 0) {
    return nothing;
  }
  const check = report.lostLockCheck;
  return html`${processes.flatMap((facts) =>
      facts.warnings.map(
        (warning) =>
          html`<p class="message message-info holder-warning" role="alert" data-pid=${facts.pid}>
            ${warning}.
          </p>`,
      ),
    )}
    <ul id="holder-processes" class="holder-processes" aria-label="The lock holders' processes">
      ${processes.map(
        (facts) =>
          html`<li data-pid=${facts.pid} data-state=${facts.state?.code ?? ''}>
            ${facts.command ?? 'PID'} ${facts.pid}${facts.state ? ` (${facts.state.name})` : ''}:
            ${
              facts.sqlite === null
                ? 'its SQLite cannot be read (its /proc/PID/maps is not readable: another user’s process?)'
                : facts.sqlite.length === 0
                  ? 'no SQLite found in its files'
                  : facts.sqlite.map(renderLibrary)
            }
          </li>`,
      )}
    </ul>
    ${check.note === null ? nothing : html`<p class="muted">${check.note}</p>`}`;
}

function renderLibrary(library: SqliteLibrary): TemplateResult {
  const what =
    library.state === 'scanning'
      ? html`reading <code>${library.file}</code> for its SQLite…`
      : library.state === 'unreadable'
        ? html`<code>${library.file}</code> cannot be read (${library.reason ?? '?'})`
        : html`SQLite <strong>${library.version ?? '?'}</strong> in <code>${library.file}</code>
            <span class="muted"
              >(${library.sourceId}${
                library.compileOptions?.length ? `; ${library.compileOptions.join(', ')}` : ''
              })</span
            >`;
  return html`<span class="sqlite-library" data-version=${library.version ?? ''}>${what}</span> ${(
      library.warnings ?? []
    ).map((warning) => html`<span class="text-warning sqlite-bug" role="note">${warning}.</span>`)}`;
}
