// `reset` empties the tally at the start of `npm test`; `summary` prints its sum as the run's last line
// and fails when a family of issue 12's cases is missing or any case lost data, rendered markup or leaked.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

const file = process.env.SAFETY_TALLY_FILE ?? path.resolve('test-results', 'safety-tally.jsonl');
const families = ['property', 'faults', 'hostile-text', 'soak'];
const command = process.argv[2];

if (command === 'reset') {
  rmSync(file, { force: true });
} else if (command === 'summary') {
  const records = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line))
    : [];
  const sum = (key, list = records) => list.reduce((total, record) => total + (record[key] ?? 0), 0);
  const missing = families.filter((family) => !records.some((record) => record.family === family));
  for (const family of families) {
    const ofFamily = records.filter((record) => record.family === family);
    console.log(`safety: ${family}: ${ofFamily.length} suites, ${sum('tried', ofFamily)} cases`);
  }
  console.log(
    `safety summary: ${sum('tried')} cases tried, ${sum('dataLost')} lost or changed data, ` +
      `${sum('markupRendered')} rendered hostile text as markup, ${sum('leaked')} leaked processes or descriptors`,
  );
  if (missing.length > 0) {
    console.error(
      `safety summary: no cases recorded for ${missing.join(', ')} (${file}); the suites did not run`,
    );
    process.exit(1);
  }
  if (sum('dataLost') + sum('markupRendered') + sum('leaked') > 0) process.exit(1);
} else {
  console.error('usage: node scripts/safetyTally.mjs reset|summary');
  process.exit(2);
}
