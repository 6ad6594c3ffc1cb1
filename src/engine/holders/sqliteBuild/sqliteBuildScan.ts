// Finds the SQLite build inside a library or program file by its bytes, without loading it: every
// SQLite build carries its source id ("YYYY-MM-DD HH:MM:SS <hash>", sqlite3_sourceid()), its version
// string (sqlite3_version) and the names of its compile options (sqlite3_compileoption_get()), each a
// NUL-terminated string (after a NUL or another non-text byte). The file is fed in chunks of any
// size; nothing here reads files.

/** Compile options that change how SQLite locks or waits. Names as SQLite stores them (no SQLITE_). */
export const lockingCompileOptions = [
  'ENABLE_SETLK_TIMEOUT',
  'THREADSAFE',
  'DEFAULT_WAL_SYNCHRONOUS',
  'DEFAULT_SYNCHRONOUS',
  'DEFAULT_LOCKING_MODE',
  'DEFAULT_WAL_AUTOCHECKPOINT',
  'OMIT_WAL',
  'OMIT_SHARED_CACHE',
  'ENABLE_SNAPSHOT',
] as const;

export interface SqliteBuildStrings {
  /** sqlite3_sourceid(): the check-in date and hash (a distribution may change the hash's end). */
  sourceId: string;
  /** sqlite3_version, e.g. "3.45.1"; null when no version string lies near the source id. */
  version: string | null;
  /** The options of `lockingCompileOptions` compiled in, as stored: "THREADSAFE=1", "ENABLE_SETLK_TIMEOUT". */
  compileOptions: string[];
}

/** A version string further than this from the source id belongs to something else in the file. */
const versionReach = 1 << 20;
/** Longer than any string matched, so a string cut by a chunk boundary is seen whole in the next. */
const overlap = 256;

const stringPattern = new RegExp(
  '[\\x00-\\x1f\\x7f-\\xff](?:' +
    '(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [0-9a-f]{40}[0-9A-Za-z]{0,24})' +
    '|(3\\.\\d{1,3}\\.\\d{1,3})' +
    `|((?:${lockingCompileOptions.join('|')})(?:=\\d+)?)` +
    ')(?=\\0)',
  'g',
);

export class SqliteBuildScanner {
  private sourceId: { text: string; offset: number } | undefined;
  private readonly versions = new Map<number, string>();
  private readonly options = new Set<string>();
  private tail = '';

  /** Feeds the next `bytes` of the file, which start at `offset` (chunks in order). */
  push(bytes: Uint8Array, offset: number): void {
    const text = this.tail + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const base = offset - this.tail.length;
    stringPattern.lastIndex = 0;
    for (let match = stringPattern.exec(text); match !== null; match = stringPattern.exec(text)) {
      const [, sourceId, version, option] = match;
      if (sourceId !== undefined) {
        this.sourceId ??= { text: sourceId, offset: base + match.index };
      } else if (version !== undefined) {
        this.versions.set(base + match.index, version);
      } else if (option !== undefined) {
        this.options.add(option);
      }
    }
    this.tail = text.slice(-overlap);
  }

  /** What the bytes so far hold; null when they hold no source id (no SQLite in the file). */
  result(): SqliteBuildStrings | null {
    if (this.sourceId === undefined) {
      return null;
    }
    const at = this.sourceId.offset;
    let version: string | null = null;
    let distance = versionReach;
    for (const [offset, text] of this.versions) {
      if (Math.abs(offset - at) < distance) {
        distance = Math.abs(offset - at);
        version = text;
      }
    }
    const compileOptions = lockingCompileOptions.flatMap((name) =>
      [...this.options].filter((option) => option === name || option.startsWith(`${name}=`)),
    );
    return { sourceId: this.sourceId.text, version, compileOptions };
  }
}
