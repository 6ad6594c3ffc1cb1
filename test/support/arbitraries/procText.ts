// Generated Linux /proc text: /proc/locks lines (proc_locks(5)), /proc/PID/stat lines
// (proc_pid_stat(5)) and /proc/PID/maps lines (proc_pid_maps(5)), written from fields the way the
// kernel writes them, so each parser can be checked by reading them back.
import fc from 'fast-check';

/** One printable ASCII character; `anyCharacter` is any code point, control characters included. */
const printable = fc.string({ minLength: 1, maxLength: 1 });
const anyCharacter = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

export interface LockLineFields {
  kind: 'POSIX' | 'OFDLCK' | 'FLOCK' | 'LEASE';
  blocked: boolean;
  access: 'READ' | 'WRITE';
  pid: number;
  major: number;
  minor: number;
  inode: bigint;
  start: number;
  end: number | null;
}

// SQLite's lock bytes sit at 2^30 (the pending byte) and just after; -shm locks at 120..127.
const lockOffset = fc.oneof(
  fc.integer({ min: 0x40000000, max: 0x40000000 + 511 }),
  fc.integer({ min: 120, max: 128 }),
  fc.nat({ max: Number.MAX_SAFE_INTEGER - 512 }),
);

export const lockLineFields: fc.Arbitrary<LockLineFields> = fc
  .record({
    kind: fc.constantFrom('POSIX', 'OFDLCK', 'FLOCK', 'LEASE'),
    blocked: fc.boolean(),
    access: fc.constantFrom('READ', 'WRITE'),
    // An OFD lock not tied to one process shows PID -1.
    pid: fc.oneof(fc.integer({ min: 1, max: 4_194_304 }), fc.constant(-1)),
    major: fc.nat({ max: 0xfff }),
    minor: fc.nat({ max: 0xfffff }),
    inode: fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }),
    start: lockOffset,
    length: fc.option(fc.integer({ min: 1, max: 512 }), { nil: undefined }),
  })
  .map(({ length, ...fields }) => ({
    ...fields,
    end: length === undefined ? null : fields.start + length - 1,
  }));

/** One line as fs/locks.c lock_get_status prints it (the ordinal, `->` for a waiter). */
export function writeLockLine(fields: LockLineFields, ordinal: number): string {
  const kindColumn = fields.kind.padEnd(6);
  const waiter = fields.blocked ? '-> ' : '';
  const device = `${fields.major.toString(16).padStart(2, '0')}:${fields.minor.toString(16).padStart(2, '0')}`;
  const end = fields.end === null ? 'EOF' : String(fields.end);
  return `${ordinal}: ${waiter}${kindColumn} ADVISORY  ${fields.access.padEnd(5)} ${fields.pid} ${device}:${fields.inode} ${fields.start} ${end}`;
}

/** A whole /proc/locks text from lines of fields. */
export function writeProcLocks(lines: readonly LockLineFields[]): string {
  return lines.map((fields, index) => writeLockLine(fields, index + 1)).join('\n') + '\n';
}

export interface StatLineFields {
  pid: number;
  /** What the program set as its name (comm): up to 15 bytes of anything, ')' and spaces included. */
  comm: string;
  state: string;
  rest: number[];
}

export const processStateCodes = ['R', 'S', 'D', 'I', 'T', 't', 'Z', 'X', 'P', 'W', 'K'] as const;

export const statLineFields: fc.Arbitrary<StatLineFields> = fc.record({
  pid: fc.integer({ min: 1, max: 4_194_304 }),
  comm: fc.string({
    unit: fc.oneof(fc.constantFrom(')', '(', ' ', ') S (', '\n', '\t'), anyCharacter),
    maxLength: 15,
  }),
  state: fc.constantFrom(...processStateCodes),
  rest: fc.array(fc.integer({ min: -1, max: 2 ** 31 }), { minLength: 10, maxLength: 49 }),
});

export function writeStatLine(fields: StatLineFields): string {
  return `${fields.pid} (${fields.comm}) ${fields.state} ${fields.rest.join(' ')}\n`;
}

export interface MapsLineFields {
  start: number;
  length: number;
  permissions: string;
  offset: number;
  major: number;
  minor: number;
  inode: number;
  /** Absolute path (may hold spaces), or a pseudo-name like [heap], or nothing. */
  pathname: string;
  deleted: boolean;
}

const pathSegment = fc.string({
  unit: fc.oneof(fc.constantFrom('a', 'b', ' ', '.', '-', 'é', '(', ')'), printable),
  minLength: 1,
  maxLength: 12,
});

export const mapsLineFields: fc.Arbitrary<MapsLineFields> = fc.record({
  start: fc.nat({ max: 2 ** 47 - 1 }),
  length: fc.integer({ min: 1, max: 2 ** 20 }),
  permissions: fc.constantFrom('r--p', 'r-xp', 'rw-p', 'rw-s', '---p'),
  offset: fc.nat({ max: 2 ** 32 }),
  major: fc.nat({ max: 0xff }),
  minor: fc.nat({ max: 0xff }),
  inode: fc.nat({ max: 2 ** 40 }),
  pathname: fc.oneof(
    {
      arbitrary: fc.array(pathSegment, { minLength: 1, maxLength: 4 }).map((parts) => '/' + parts.join('/')),
      weight: 4,
    },
    fc.constantFrom('[heap]', '[stack]', '[vdso]', ''),
  ),
  deleted: fc.boolean(),
});

export function writeMapsLine(fields: MapsLineFields): string {
  const hex = (value: number) => value.toString(16).padStart(8, '0');
  const head =
    `${hex(fields.start)}-${hex(fields.start + fields.length)} ${fields.permissions} ` +
    `${hex(fields.offset)} ${fields.major.toString(16).padStart(2, '0')}:${fields.minor.toString(16).padStart(2, '0')} ${fields.inode}`;
  if (fields.pathname === '') {
    return head;
  }
  return `${head.padEnd(73)}${fields.pathname}${fields.deleted ? ' (deleted)' : ''}`;
}

/** Some characters of a sample line replaced, removed or added. */
export function mutatedText(sample: string): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.nat({ max: Math.max(0, sample.length) }),
    fc.nat({ max: 4 }),
    fc.string({
      unit: fc.oneof(anyCharacter, fc.constantFrom('\n', ')', ':', '-', ' ', '\0')),
      maxLength: 6,
    }),
  );
  return fc
    .array(edit, { minLength: 1, maxLength: 6 })
    .map((edits) =>
      edits.reduce(
        (text, [at, removed, inserted]) => text.slice(0, at) + inserted + text.slice(at + removed),
        sample,
      ),
    );
}
