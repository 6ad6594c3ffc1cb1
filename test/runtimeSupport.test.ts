// Which Node versions the tool accepts (better-sqlite3 13 needs N-API 10): the decision alone, on
// version strings (runtimeCheck.test.ts runs the command-line twin on an old Node).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runtimeProblem } from '../src/engine/runtimeSupport';

test('Node 20 (N-API 9) is refused with a plain reason; Node 22.14+ and 24 are accepted', () => {
  assert.match(
    runtimeProblem({ node: '20.20.2', napi: '9' }) ?? '',
    /needs Node 22 or newer.*this is Node 20\.20\.2/,
  );
  assert.equal(runtimeProblem({ node: '22.14.0', napi: '10' }), undefined);
  assert.equal(runtimeProblem({ node: '24.21.0', napi: '10' }), undefined);
  assert.equal(runtimeProblem(process.versions), undefined, 'the tests themselves run on Node 22+');
});
