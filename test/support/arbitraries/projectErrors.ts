// The project's own error types: the only exceptions a parser may throw on any input.
import { OperationError, UserInputError } from '../../../src/engine/userInputError';

/** Runs `parse`; returns its value, or the project error it threw. Any other exception fails the case. */
export function parsedOrProjectError<T>(parse: () => T): T | UserInputError | OperationError {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UserInputError || error instanceof OperationError) {
      if (error.message.trim() === '' || error.message.includes('\n    at ')) {
        throw new Error(`a project error without one clear sentence: ${JSON.stringify(error.message)}`, {
          cause: error,
        });
      }
      return error;
    }
    throw error;
  }
}

export function isProjectError(value: unknown): value is UserInputError | OperationError {
  return value instanceof UserInputError || value instanceof OperationError;
}
