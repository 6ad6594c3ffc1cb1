// What a probe ran, in a title: the preset's name, or "scenario <file name>" for a scenario file's run.
import type { ProbeConfig } from '../engine/probe/probeTypes';

export function probeName(config: Pick<ProbeConfig, 'preset' | 'scenario'>): string {
  if (!config.scenario) {
    return config.preset;
  }
  // Pure (the webview draws it too): the file's name after its last separator, POSIX or Windows.
  return `scenario ${config.scenario.file.split(/[\\/]/).pop() ?? config.scenario.file}`;
}
