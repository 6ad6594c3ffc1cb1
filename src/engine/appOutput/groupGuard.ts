// The --run command outlives a recorder that is SIGKILLed (or whose VS Code window reloads): that
// recorder's exit hook never runs, and the command leads a process group of its own. A small shell
// guards the group: it waits for end-of-file on a pipe that only this process holds open, which the
// kernel closes however this process ends, and then kills the group. Released once the group is gone.
import { spawn } from 'node:child_process';

export interface GroupGuard {
  /** The group ended in order: the guard goes, so it never signals a later group of the same number. */
  release(): void;
}

const guardScript = 'read _eof; kill -s KILL -- "-$1" 2>/dev/null';

export function guardProcessGroup(groupId: number): GroupGuard {
  if (process.platform === 'win32') {
    return { release: () => undefined };
  }
  // detached: its own session, so a Ctrl-C or a signal to this process's group does not end it first.
  const guard = spawn('sh', ['-c', guardScript, 'sqlite-lock-doctor-guard', String(groupId)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  guard.on('error', () => undefined);
  guard.stdin?.on('error', () => undefined);
  // Neither the guard nor its pipe keeps this process running.
  guard.unref();
  (guard.stdin as (NodeJS.WritableStream & { unref?: () => void }) | null)?.unref?.();
  return {
    release: () => {
      guard.kill('SIGKILL');
    },
  };
}
