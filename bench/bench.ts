// Placeholder benchmark.
export {};
