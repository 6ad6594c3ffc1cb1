// How long a lock has been held, in words: "held 12.3 s", "held at least 4 min 10 s". Pure: the
// terminal, the status bar and the panel all use it.

/** The fields of a lock holder entry (lockReport.ts) that a watch fills in. */
interface Timed {
  heldForMs?: number;
  heldForAtLeast?: boolean;
}

/** "0.4 s", "12.3 s", "4 min 10 s", "2 h 5 min", "3 d 4 h". */
export function formatHeldFor(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) {
    return `${seconds.toFixed(1)} s`;
  }
  const whole = Math.floor(seconds);
  if (whole < 3600) {
    return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  }
  if (whole < 86_400) {
    return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`;
  }
  return `${Math.floor(whole / 86_400)} d ${Math.floor((whole % 86_400) / 3600)} h`;
}

/** "held 12.3 s" or "held at least 12.3 s"; null for a single reading (it cannot know). */
export function heldForText(holder: Timed): string | null {
  if (holder.heldForMs === undefined) {
    return null;
  }
  return `held ${holder.heldForAtLeast ? 'at least ' : ''}${formatHeldFor(holder.heldForMs)}`;
}
