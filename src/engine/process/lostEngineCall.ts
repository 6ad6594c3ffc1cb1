// What a killed engine child leaves, cleaned up by its parent: the scratch copy in a folder named after
// the child, and after an --in-place probe the probe's table in the user's file (dropped by a new child,
// since SQLite never runs in the caller's process). Says what could not be cleaned up, in a sentence.
import { defaultProbeTable } from '../probe/probeTable';
import { removeScratchFoldersOf } from '../probe/scratchFolders';
import type { EngineRequest } from './engineCalls';

export async function cleanUpAfterLostCall(
  pid: number | undefined,
  request: EngineRequest,
  dropProbeTable: (file: string, table: string) => Promise<unknown>,
): Promise<string> {
  if (request.type !== 'probe') {
    return '';
  }
  if (pid !== undefined) {
    removeScratchFoldersOf(pid);
  }
  if (!request.options.inPlace) {
    return '';
  }
  try {
    await dropProbeTable(request.options.database, defaultProbeTable);
    return '';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `; the probe's table ${defaultProbeTable} may remain in ${request.options.database} (${reason}): the next --in-place probe removes it`;
  }
}
