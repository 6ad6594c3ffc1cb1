// The panel's top: which database, its journal mode, and the buttons that pick or re-read it. With no
// database open it is the empty state, which says what the tool does.
import type { PanelState } from '../../../src/shared/panelProtocol';
import { attrs, h } from './html';

export function renderHeader(state: PanelState): string {
  const database = state.database;
  if (database === null) {
    return emptyState();
  }
  const mode = database.report?.journalMode;
  const badge =
    mode === undefined
      ? ''
      : `<span id="journal-mode" class="badge journal-${mode}" title="Journal mode recorded in the file">${h(mode.toUpperCase())}</span>`;
  return `<header class="panel-header">
<div class="title-block">
<h1 class="db-name"><span class="db-file">${h(database.name)}</span>${badge}</h1>
<p class="db-path" title="${h(database.path)}">${h(database.path)}</p>
</div>
<div class="toolbar">
<button type="button"${attrs({ id: 'refresh', class: 'secondary', 'data-action': 'refresh' })}>Refresh</button>
<button type="button"${attrs({ id: 'open-database', class: 'secondary', 'data-action': 'openDatabase' })}>Open Another…</button>
</div>
</header>`;
}

function emptyState(): string {
  return `<section class="empty-state" aria-labelledby="empty-title">
<h1 id="empty-title">SQLite Lock Doctor</h1>
<p>Find out why an app gets <code>database is locked</code> (<code>SQLITE_BUSY</code>) and which setting fixes it.</p>
<ul>
<li>Reads the file's journal mode, its <code>-wal</code>, <code>-shm</code> and <code>-journal</code> files and the locks held on it, without changing a byte.</li>
<li>Switches the file to WAL and back, and says why when it cannot.</li>
<li>Reproduces concurrent writes on a scratch copy and draws the lock timeline, the errors and the fix.</li>
</ul>
<button type="button"${attrs({ id: 'open-database', 'data-action': 'openDatabase' })}>Open Database…</button>
</section>`;
}
