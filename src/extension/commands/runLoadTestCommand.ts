// Run Load Test… (trusted workspaces only): the seed article's test against the user's running app. Asks
// for the URL(s), the number of requests and the concurrency (each remembered per workspace), then runs
// the load with the recorder in an engine child process (never in the extension host), with a
// cancellable progress notification (requests done, errors so far). The rows are counted in the open
// database. The result goes beside the recording in the panel's Recording tab.
import * as vscode from 'vscode';
import { loadConcurrency, loadRequests } from '../../engine/options/loadOptions';
import { recordInterval } from '../../engine/options/recordLimits';
import {
  parseWholeNumber,
  type WholeNumberLimit,
  wholeNumberProblem,
} from '../../engine/options/wholeNumberLimit';
import { callEngine } from '../../engine/process/callEngine';
import type { RecordedLoad } from '../../engine/load/loadTestTypes';
import type { PanelViewName } from '../../shared/panelProtocol';
import { messageOf, type LockDoctorModel } from '../lockDoctorModel';
import { requireDatabase, requireTrust } from './requireDatabase';
import { showError, showInformation } from '../notifications';

const remembered = {
  urls: 'sqliteLockDoctor.load.urls',
  requests: 'sqliteLockDoctor.load.requests',
  concurrency: 'sqliteLockDoctor.load.concurrency',
};

/** From a script or a test: the answers to the questions. */
export interface LoadArguments {
  urls: string[];
  requests: number;
  concurrency: number;
}

function parseArguments(args: unknown): LoadArguments | null | undefined {
  if (args === undefined) {
    return undefined;
  }
  if (typeof args !== 'object' || args === null) {
    return null;
  }
  const { urls, requests, concurrency } = args as Record<string, unknown>;
  const numbers = [
    [requests, loadRequests],
    [concurrency, loadConcurrency],
  ] as const;
  if (
    Array.isArray(urls) &&
    urls.length > 0 &&
    urls.every((url) => typeof url === 'string') &&
    numbers.every(([value, limit]) => wholeNumberProblem(limit, value) === undefined)
  ) {
    return { urls, requests: Number(requests), concurrency: Number(concurrency) };
  }
  return null;
}

export async function runLoadTestCommand(
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
  workspaceState: vscode.Memento,
  args?: unknown,
): Promise<RecordedLoad | undefined> {
  if (!requireTrust('Running a load test')) {
    return undefined;
  }
  const database = requireDatabase(model);
  if (!database) {
    return undefined;
  }
  const given = parseArguments(args);
  if (given === null) {
    void showError(
      'Run Load Test got arguments it does not understand; expected {urls: ["http://…"], requests, concurrency}.',
    );
    return undefined;
  }
  const plan = given ?? (await askLoadPlan(workspaceState));
  if (plan === undefined) {
    return undefined;
  }
  const label = `Load test: ${plan.requests} requests, ${plan.concurrency} at a time, counting rows in ${database.name}…`;
  try {
    const recorded = await model.run(label, 'load', () =>
      vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: 'SQLite Lock Doctor: load test',
          cancellable: true,
        },
        (progress, token) => {
          const cancel = new AbortController();
          token.onCancellationRequested(() => cancel.abort());
          const fromPanel = model.onCancel(() => cancel.abort());
          progress.report({ message: `sending ${plan.requests} requests to ${plan.urls.join(', ')}…` });
          let reported = 0;
          return callEngine<'recordLoad'>(
            {
              type: 'recordLoad',
              options: {
                urls: plan.urls,
                database: database.path,
                requests: plan.requests,
                concurrency: plan.concurrency,
              },
              intervalMs: recordInterval.default,
            },
            {
              signal: cancel.signal,
              onLoadProgress: (done, failed) => {
                progress.report({
                  increment: ((done - reported) / plan.requests) * 100,
                  message: `${done} of ${plan.requests} requests done, ${failed} ${failed === 1 ? 'error' : 'errors'} so far`,
                });
                reported = done;
              },
            },
          ).finally(() => {
            fromPanel.dispose();
          });
        },
      ),
    );
    if (recorded.recording !== null) {
      model.setRecording(recorded.recording);
      showPanel('recording');
    }
    const missing = recorded.noRecording === undefined ? '' : ` (no lock recording: ${recorded.noRecording})`;
    const cancelled = recorded.result.cancelled ? 'Cancelled: ' : '';
    void showInformation(`${cancelled}${recorded.result.check.text}${missing}.`);
    return recorded;
  } catch (error) {
    void showError(messageOf(error));
    return undefined;
  }
}

async function askLoadPlan(workspaceState: vscode.Memento): Promise<LoadArguments | undefined> {
  const urlsText = await vscode.window.showInputBox({
    title: 'Run Load Test (1/3): URL(s), space-separated',
    // Kept open when focus moves (a look at the terminal or a file for the command line or the URL).
    ignoreFocusOut: true,
    prompt: 'Your running app: the requests go to these http(s) URLs only, taken in turn.',
    value: workspaceState.get<string>(remembered.urls) ?? 'http://127.0.0.1:8000/',
    validateInput: (text) => urlProblem(text),
  });
  if (urlsText === undefined) {
    return undefined;
  }
  const requests = await askNumber(
    workspaceState,
    remembered.requests,
    loadRequests,
    'Run Load Test (2/3): requests in all',
  );
  if (requests === undefined) {
    return undefined;
  }
  const concurrency = await askNumber(
    workspaceState,
    remembered.concurrency,
    loadConcurrency,
    'Run Load Test (3/3): requests in flight at once',
  );
  if (concurrency === undefined) {
    return undefined;
  }
  const urls = urlsText.trim().split(/\s+/);
  await workspaceState.update(remembered.urls, urls.join(' '));
  return { urls, requests, concurrency };
}

/** One sentence for the first word that is not an http(s) URL (the engine checks again). */
function urlProblem(text: string): string | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return 'Type at least one http:// or https:// URL.';
  }
  for (const word of words) {
    let url: URL;
    try {
      url = new URL(word);
    } catch {
      return `"${word}" is not a URL.`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return `"${word}" is not http:// or https://: the load test sends HTTP requests only.`;
    }
  }
  return undefined;
}

async function askNumber(
  workspaceState: vscode.Memento,
  key: string,
  limit: WholeNumberLimit,
  title: string,
): Promise<number | undefined> {
  const last = workspaceState.get<number>(key) ?? limit.default;
  const typed = await vscode.window.showInputBox({
    title,
    // Kept open when focus moves (a look at the terminal or a file for the command line or the URL).
    ignoreFocusOut: true,
    prompt: `${limit.description} ${limit.min} to ${limit.max}.`,
    value: String(last),
    validateInput: (text) => {
      const parsed = parseWholeNumber(limit, text);
      return 'problem' in parsed
        ? `${parsed.problem[0].toUpperCase()}${parsed.problem.slice(1)}.`
        : undefined;
    },
  });
  if (typed === undefined) {
    return undefined;
  }
  const parsed = parseWholeNumber(limit, typed);
  if ('problem' in parsed) {
    return undefined;
  }
  await workspaceState.update(key, parsed.value);
  return parsed.value;
}
