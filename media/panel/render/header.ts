// The panel's top: which database, its journal mode, and the buttons that pick or re-read it. With no
// database open it is the empty state, which says what the tool does.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { PanelState } from '../../../src/shared/panelProtocol';
import type { ViewActions } from './actions';

export function renderHeader(state: PanelState, actions: ViewActions): TemplateResult {
  const database = state.database;
  if (database === null) {
    return emptyState(actions);
  }
  const mode = database.report?.journalMode;
  return html`<header class="panel-header">
    <div class="title-block">
      <h1 class="db-name">
        <span class="db-file">${database.name}</span>${
          mode === undefined
            ? nothing
            : html`<vscode-badge
                id="journal-mode"
                class="journal-${mode}"
                variant="counter"
                title="Journal mode recorded in the file"
                >${mode.toUpperCase()}</vscode-badge
              >`
        }
      </h1>
      <p class="db-path" title=${database.path}>${database.path}</p>
    </div>
    <div class="toolbar">
      <vscode-button id="refresh" secondary @click=${() => actions.post({ type: 'refresh' })}
        >Refresh</vscode-button
      >
      <vscode-button id="open-database" secondary @click=${() => actions.post({ type: 'openDatabase' })}
        >Open Another…</vscode-button
      >
    </div>
  </header>`;
}

function emptyState(actions: ViewActions): TemplateResult {
  return html`<section class="empty-state" aria-labelledby="empty-title">
    <h1 id="empty-title">SQLite Lock Doctor</h1>
    <p>
      Find out why an app gets <code>database is locked</code> (<code>SQLITE_BUSY</code>) and which setting
      fixes it.
    </p>
    <ul>
      <li>
        Reads the file's journal mode, its <code>-wal</code>, <code>-shm</code> and
        <code>-journal</code> files and the locks held on it, without changing a byte.
      </li>
      <li>Switches the file to WAL and back, and says why when it cannot.</li>
      <li>
        Reproduces concurrent writes on a scratch copy and draws the lock timeline, the errors and the fix.
      </li>
    </ul>
    <vscode-button id="open-database" @click=${() => actions.post({ type: 'openDatabase' })}
      >Open Database…</vscode-button
    >
  </section>`;
}
