/** SQLITE_VERSION_NUMBER (X*1000000 + Y*1000 + Z) as "X.Y.Z"; null for 0, which no release writes. */
export function formatSqliteVersionNumber(versionNumber: number): string | null {
  if (versionNumber <= 0) {
    return null;
  }
  const major = Math.floor(versionNumber / 1_000_000);
  const minor = Math.floor(versionNumber / 1000) % 1000;
  const patch = versionNumber % 1000;
  return `${major}.${minor}.${patch}`;
}
