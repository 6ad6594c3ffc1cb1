/**
 * A problem with what the user gave us (a path, a flag), reported as one sentence that names the file
 * and the reason. Surfaces print `message` only, never a stack.
 */
export class UserInputError extends Error {
  constructor(
    readonly file: string | undefined,
    readonly reason: string,
  ) {
    super(file === undefined ? reason : `${file}: ${reason}`);
    this.name = 'UserInputError';
  }
}

/** The operation was understood but could not be done (a lock not granted, say). Exit code 1. */
export class OperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationError';
  }
}
