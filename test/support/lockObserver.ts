// An independent witness of a POSIX lock byte: python3 asks the kernel (fcntl F_GETLK, which takes
// nothing) every 0.2 ms whether another process holds `byte` of `file`, and prints each change with
// time.monotonic_ns(): CLOCK_MONOTONIC, the clock process.hrtime reads, so its times and the probe's
// share one axis. Used by the timing-fidelity test and benchmark.
import { spawn } from 'node:child_process';
import { untilReady } from './readyClient';
import { until } from './until';

export interface LockChange {
  held: boolean;
  atNs: bigint;
}

export interface LockObserver {
  /** Stops watching once it has seen the byte free (python3 may be behind), or after 10 s; resolves
   * with every change seen, in order. */
  stop(): Promise<LockChange[]>;
}

const observerScript = `
import fcntl, os, select, struct, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY)
byte = int(sys.argv[2])
layout = "hhqqi4x"
def held():
    answer = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(layout, fcntl.F_WRLCK, 0, byte, 1, 0))
    return struct.unpack(layout, answer)[0] != fcntl.F_UNLCK
state = held()
print("ready", flush=True)
print("held" if state else "free", time.monotonic_ns(), flush=True)
while not select.select([sys.stdin], [], [], 0)[0]:
    now = held()
    if now != state:
        state = now
        print("held" if state else "free", time.monotonic_ns(), flush=True)
    time.sleep(0.0002)
`;

export async function observeLockByte(file: string, byte: number): Promise<LockObserver> {
  const child = spawn('python3', ['-c', observerScript, file, String(byte)]);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await untilReady(child, 'python3', 20_000);
  const seenFree = () => /^free \d+\s*$/m.test(output.trimEnd().split('\n').at(-1) ?? '');
  return {
    stop: async () => {
      if (!seenFree()) {
        await until((listener) => child.stdout.on('data', listener), seenFree, 10_000).catch(() => undefined);
      }
      return new Promise((resolve) => {
        child.once('close', () => {
          const changes = output
            .split('\n')
            .map((line) => line.trim().split(' '))
            .filter(([word, ns]) => (word === 'held' || word === 'free') && ns !== undefined)
            .map(([word, ns]) => ({ held: word === 'held', atNs: BigInt(ns) }));
          resolve(changes);
        });
        child.stdin.end('\n');
      });
    },
  };
}
