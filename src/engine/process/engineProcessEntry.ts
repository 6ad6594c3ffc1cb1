// Placeholder entry for the engine's worker thread / child process.
export {};
