// What the panel may ask of the host, and the one place a message from the webview turns into an
// action: validated first (validatePanelMessage), then handed to exactly one handler with the checked
// values only. A message that does not validate does nothing. No vscode here, so a test can send it
// anything and watch which handler ran.
import type { JournalTarget } from '../../engine/options/journalModes';
import type { ExportFormat } from '../../engine/options/exportFormats';
import type { ExportSubject, ProbeFormValues } from '../../shared/panelProtocol';
import { validatePanelMessage } from './validatePanelMessage';

export interface PanelRequestHandlers {
  /** A new page (first show, shown again, reload) wants everything. */
  ready(): void;
  refresh(): void;
  /** Asks the user to pick a database (a dialog): the webview names no file. */
  openDatabase(): void;
  switchJournal(target: JournalTarget): void;
  runProbe(form: ProbeFormValues): void;
  cancelProbe(): void;
  stopRecording(): void;
  /** Asks the user where to save (a dialog): the webview names no file. */
  export(subject: ExportSubject, format: ExportFormat): void;
}

/** Runs the one handler a valid message asks for; returns whether it was valid. */
export function handlePanelMessage(raw: unknown, handlers: PanelRequestHandlers): boolean {
  const message = validatePanelMessage(raw);
  if (!message) {
    return false;
  }
  switch (message.type) {
    case 'ready':
      handlers.ready();
      break;
    case 'refresh':
      handlers.refresh();
      break;
    case 'openDatabase':
      handlers.openDatabase();
      break;
    case 'switchJournal':
      handlers.switchJournal(message.target);
      break;
    case 'runProbe':
      handlers.runProbe(message.form);
      break;
    case 'cancelProbe':
      handlers.cancelProbe();
      break;
    case 'stopRecording':
      handlers.stopRecording();
      break;
    case 'export':
      handlers.export(message.subject, message.format);
      break;
  }
  return true;
}
