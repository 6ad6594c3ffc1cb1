import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UserInputError } from '../src/engine/userInputError';

test('a user input error names the file and the reason', () => {
  assert.equal(new UserInputError('app.db', 'is a directory').message, 'app.db: is a directory');
});
