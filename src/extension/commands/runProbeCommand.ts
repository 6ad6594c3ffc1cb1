// Run Concurrent-Write Probe: knobs from quick picks (or the panel's form, or the settings), a
// cancellable progress notification, the result in the panel and the status bar.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { beginModeOf } from '../../engine/options/beginChoices';
import type { PanelViewName } from '../../shared/panelProtocol';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import type { LoadedScenario } from '../../engine/scenario/scenarioPlans';
import type { ProbeFormValues } from '../../shared/panelProtocol';
import { engineClient } from '../engineClient';
import { messageOf, type LockDoctorModel } from '../lockDoctorModel';
import { readSettings } from '../settings';
import { askProbeValues } from './askProbeValues';
import { requireDatabase, requireTrust } from './requireDatabase';
import { showError, showInformation } from '../notifications';

export async function runProbeCommand(
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
  form?: ProbeFormValues | null,
  /** A scenario file's sessions instead of the preset's (../commands/runScenario.ts); `form` then set. */
  scenario?: LoadedScenario,
): Promise<ProbeResult | undefined> {
  const database = requireDatabase(model);
  if (!database || !requireTrust('Running the probe')) {
    return undefined;
  }
  if (form === null) {
    void showError(
      'Run Concurrent-Write Probe got arguments it does not understand; expected {preset, model, journal, busyTimeoutMs, begin}.',
    );
    return undefined;
  }
  const settings = readSettings(vscode.Uri.file(database.path)).probe;
  const values = form ?? (settings.askEachTime ? await askProbeValues(settings) : settings);
  if (!values) {
    return undefined;
  }
  const begin = beginModeOf(values.begin);
  const driver = values.client !== undefined && values.client !== 'none' ? `, client ${values.client}` : '';
  const what = scenario ? `scenario ${path.basename(scenario.file)}` : `the ${values.preset} probe`;
  const label = `Running ${what} (${values.model}${driver}, journal ${values.journal}, busy timeout ${values.busyTimeoutMs} ms)…`;
  try {
    const result = await model.run(
      label,
      'probe',
      () =>
        vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: `SQLite Lock Doctor: ${label}`,
            cancellable: true,
          },
          (progress, token) => {
            const cancel = new AbortController();
            token.onCancellationRequested(() => cancel.abort());
            const fromPanel = model.onCancel(() => cancel.abort());
            return engineClient
              .probe(
                {
                  database: database.path,
                  preset: values.preset,
                  model: values.model,
                  journal: values.journal,
                  busyTimeoutMs: values.busyTimeoutMs,
                  ...(begin ? { begin } : {}),
                  ...(values.client !== undefined && values.client !== 'none'
                    ? { clientProfile: values.client }
                    : {}),
                  ...(values.preset === 'pool' && values.poolSize !== undefined
                    ? { presetOptions: { poolSize: values.poolSize } }
                    : {}),
                  inPlace: settings.inPlace,
                  ...(scenario ? { scenario } : {}),
                },
                {
                  signal: cancel.signal,
                  onPrepared: (target) => model.startProbeWatch(target),
                  onProgress: (session, event) => {
                    if (event.kind === 'start' && event.pid !== undefined) {
                      model.noteProbeSession(session, event.pid);
                    }
                    if (event.kind === 'error' || event.kind === 'commit') {
                      const what = event.kind === 'error' ? (event.code ?? 'error') : 'committed';
                      progress.report({
                        message: `${session} ${what} at ${Math.round(event.tUs / 1000)} ms`,
                      });
                    }
                  },
                },
              )
              .finally(() => {
                fromPanel.dispose();
                model.endProbeWatch();
              });
          },
        ),
      {
        preset: values.preset,
        model: values.model,
        journal: values.journal,
        busyTimeoutMs: values.busyTimeoutMs,
        begin: values.begin,
        ...(values.client !== undefined ? { client: values.client } : {}),
        ...(values.poolSize !== undefined ? { poolSize: values.poolSize } : {}),
      },
    );
    model.setResult(result);
    showPanel('probe');
    void showInformation(`Probe of ${database.name}: ${result.verdict.summary}`);
    return result;
  } catch (error) {
    void showError(messageOf(error));
    return undefined;
  }
}
