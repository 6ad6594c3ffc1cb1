// How much text the editor explains: explaining runs in the extension host thread, so a larger
// selection is cut (measured in bench/explainScale.ts; the command line reads whole logs).
export const maxExplainedChars = 200_000;
