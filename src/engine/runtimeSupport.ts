// better-sqlite3 13 is an N-API 10 addon: on an older Node (20 has N-API 9) it crashes the process
// instead of throwing. Pure, so the extension host can check before starting the engine.

/** Why this runtime cannot load better-sqlite3 13, or undefined when it can. */
export function runtimeProblem(versions: { node: string; napi?: string }): string | undefined {
  const napi = Number(versions.napi ?? 0);
  const nodeMajor = Number(versions.node.split('.')[0]);
  if (napi >= 10 && nodeMajor >= 22) {
    return undefined;
  }
  return (
    `SQLite Lock Doctor needs Node 22 or newer (N-API 10) for better-sqlite3, and this is Node ${versions.node}; ` +
    'run it with "npx sqlite-lock-doctor" inside the project (npm install brought Node 24) or install Node 22+'
  );
}
