// Notifications: no link can be made of a message, whatever file name or program output it quotes.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { plainMessage } from '../src/extension/plainMessage';
import { hostileStrings } from './support/hostileText';
import { recordSafetyCases } from './support/safetyTally';

/** A link as VS Code's notifications read one: [label](target), the target without spaces or ')'. */
const link = /\[[^\]]+\]\((?:https?:|command:|file:)[^)\s]+\)/i;

const fileNames = [
  '[Open](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D).db',
  '[docs](https:evil.example).db',
  '[x]  (file:x).db',
  '[x](COMMAND:x).db',
];

let tried = 0;
let markupRendered = 0;
after(() =>
  recordSafetyCases({ family: 'hostile-text', suite: 'notification messages', tried, markupRendered }),
);

test('a notification naming a hostile file makes no link and no bidi control reaches it', () => {
  for (const name of [...fileNames, ...hostileStrings.map((entry) => entry.text)]) {
    tried++;
    const message = plainMessage(`${name} is already in WAL mode.`);
    const linked = link.test(message) || /[\u202A-\u202E\u2066-\u2069]/.test(message);
    if (linked) {
      markupRendered++;
    }
    assert.equal(linked, false, JSON.stringify(message).slice(0, 120));
  }
  // The characters stay readable: only the space is new.
  assert.equal(plainMessage('[x](command:y).db'), '[x] (command:y).db');
});
