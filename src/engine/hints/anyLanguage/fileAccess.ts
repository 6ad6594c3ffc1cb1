// What the plain-file-io rule compares: where a file opens SQLite connections, and where it opens,
// copies or reads files with plain file calls, each with the path as written.
import type { Node } from 'web-tree-sitter';
import type { PathReference } from './pathReference';

export interface FileAccess {
  /** The call (or, for a SQLAlchemy URL, the literal) to point at. */
  readonly node: Node;
  /** How the source names the call: `sqlite3.connect`, `shutil.copy`, `os.ReadFile`. */
  readonly callee: string;
  readonly path: PathReference;
}

export interface FileAccesses {
  readonly connections: readonly FileAccess[];
  readonly plainIo: readonly FileAccess[];
}
