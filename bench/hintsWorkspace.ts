// A generated workspace for the hints benchmark: thousands of source files in the proportions of a
// polyglot web project (Python, TypeScript, JavaScript, Go), 30 to 600 lines each with
// the things real files have (imports, classes, handlers, SQL through the usual drivers, used safely),
// plus the corpus's flagged samples copied in at random places so the scan has something to find, and
// a node_modules folder the scan must skip. Seeded: every run generates the same tree.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { markedSamples } from '../test/support/sourceTree';

/** A small seeded generator (mulberry32): the same workspace every run. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const words = ['user', 'order', 'item', 'invoice', 'session', 'token', 'report', 'account', 'event', 'job'];

/** Lines per file: mostly 60-250, a tail up to 600 (as in real repositories). */
function lineCount(random: Random): number {
  return Math.round(30 + 570 * random() ** 2.2);
}

function pythonUnit(random: Random, index: number): string {
  const noun = pick(random, words);
  return `

class ${noun[0].toUpperCase()}${noun.slice(1)}Repository${index}:
    """Reads and writes ${noun}s; one short transaction per call."""

    def __init__(self, path: str) -> None:
        self.path = path

    def find(self, ${noun}_id: int) -> dict | None:
        with closing(sqlite3.connect(self.path, timeout=10)) as conn:
            row = conn.execute("SELECT * FROM ${noun}s WHERE id = ?", (${noun}_id,)).fetchone()
            return None if row is None else dict(zip(COLUMNS, row))

    def total(self, values: list[float]) -> float:
        result = 0.0
        for value in values:
            if value > ${index % 97}:
                result += value * 1.${index % 10}
        return result


@app.get("/${noun}s/${index}")
def get_${noun}_${index}(${noun}_id: int) -> dict:
    return ${noun.toUpperCase()}_REPOSITORY.find(${noun}_id) or {}
`;
}

function typescriptUnit(random: Random, index: number): string {
  const noun = pick(random, words);
  return `

export interface ${noun[0].toUpperCase()}${noun.slice(1)}${index} {
  id: number;
  name: string;
  createdAt: Date;
}

export class ${noun[0].toUpperCase()}${noun.slice(1)}Service${index} {
  constructor(private readonly db: Database.Database) {}

  find(id: number): unknown {
    return this.db.prepare('SELECT * FROM ${noun}s WHERE id = ?').get(id);
  }

  add(name: string): void {
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO ${noun}s (name) VALUES (?)').run(name);
    }).immediate();
  }

  score(values: readonly number[]): number {
    return values.filter((value) => value > ${index % 89}).reduce((sum, value) => sum + value, 0);
  }
}

router.get('/${noun}s/${index}/:id', (request, response) => {
  response.json(service${index}.find(Number(request.params.id)));
});
`;
}

function javascriptUnit(random: Random, index: number): string {
  const noun = pick(random, words);
  return `

function format${noun[0].toUpperCase()}${noun.slice(1)}${index}(${noun}) {
  const parts = [${noun}.id, ${noun}.name, new Date(${noun}.createdAt).toISOString()];
  return parts.filter(Boolean).join(' / ');
}

module.exports.list${index} = async function list${index}(request, response) {
  const rows = db.prepare('SELECT id, name FROM ${noun}s ORDER BY id LIMIT ?').all(${10 + (index % 50)});
  response.json(rows.map(format${noun[0].toUpperCase()}${noun.slice(1)}${index}));
};
`;
}

function goUnit(random: Random, index: number): string {
  const noun = pick(random, words);
  const type = `${noun[0].toUpperCase()}${noun.slice(1)}${index}`;
  return `

type ${type} struct {
	ID   int64
	Name string
}

func List${type}(ctx context.Context, db *sql.DB) ([]${type}, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM ${noun}s LIMIT ${10 + (index % 50)}")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var result []${type}
	for rows.Next() {
		var item ${type}
		if err := rows.Scan(&item.ID, &item.Name); err != nil {
			return nil, err
		}
		result = append(result, item)
	}
	return result, rows.Err()
}
`;
}

export const languages = [
  {
    share: 0.35,
    folder: 'services/api',
    extension: 'py',
    header:
      'import sqlite3\nfrom contextlib import closing\n\nfrom .app import app\n\nCOLUMNS = ("id", "name")\n',
    unit: pythonUnit,
  },
  {
    share: 0.25,
    folder: 'web/src',
    extension: 'ts',
    header: "import Database from 'better-sqlite3';\nimport { router } from './router';\n",
    unit: typescriptUnit,
  },
  {
    share: 0.15,
    folder: 'web/legacy',
    extension: 'js',
    header: "'use strict';\nconst { db } = require('./db');\n",
    unit: javascriptUnit,
  },
  {
    share: 0.25,
    folder: 'cmd/store',
    extension: 'go',
    header: 'package store\n\nimport (\n\t"context"\n\t"database/sql"\n)\n',
    unit: goUnit,
  },
] as const;

export type BenchLanguage = (typeof languages)[number];

export function sourceText(
  random: Random,
  language: BenchLanguage,
  index: number,
  lines = lineCount(random),
): string {
  const target = lines;
  let text = language.header;
  for (let unit = 0; text.split('\n').length < target; unit++) {
    text += language.unit(random, index * 100 + unit);
  }
  return text;
}

export interface HintsWorkspace {
  readonly root: string;
  /** Source files the scan should read (node_modules excluded). */
  readonly sourceFiles: number;
  readonly bytes: number;
  /** Findings the copied samples are marked with. */
  readonly expectedFindings: number;
}

function write(path: string, text: string): number {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/** `files` source files under `root`, about 2% of them the corpus's flagged samples. */
export function generateHintsWorkspace(root: string, files: number, seed = 10): HintsWorkspace {
  const random = randomFrom(seed);
  const samples = markedSamples();
  let bytes = write(join(root, '.gitignore'), 'node_modules/\n*.pyc\n');
  let expectedFindings = 0;
  for (let index = 0; index < files; index++) {
    const folder = `module${index % 40}`;
    if (samples.length > 0 && random() < 0.02) {
      const sample = pick(random, samples);
      const name = sample.name.split('/').pop() ?? sample.name;
      bytes += write(join(root, 'flagged', folder, `${index}-${name}`), sample.text);
      expectedFindings += sample.expected.length;
      continue;
    }
    let roll = random();
    const language = languages.find((candidate) => (roll -= candidate.share) < 0) ?? languages[0];
    bytes += write(
      join(root, language.folder, folder, `file${index}.${language.extension}`),
      sourceText(random, language, index),
    );
  }
  // Dependencies the scan must not read: as many files again would double the time if it did.
  for (let index = 0; index < 500; index++) {
    write(
      join(root, 'web', 'node_modules', `package${index % 50}`, `index${index}.js`),
      javascriptUnit(random, index),
    );
  }
  return { root, sourceFiles: files, bytes, expectedFindings };
}
