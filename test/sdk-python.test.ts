// The Python SDK's unittest suite (packages/sdk-python/tests), run by the machine's python3 against
// the real server started here — once per database backend, like every test file. Each Python test
// is reported as a test of its own (listed from the test files' syntax tree, then run in one
// python3 process that writes each test's outcome to a JSON file).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { track } from './helpers/children.js';
import { hasPython3, PYTHON3_MISSING } from './helpers/prerequisites.js';
import { startSdkServer, type SdkServer } from './helpers/sdk-server.js';

const PACKAGE = path.resolve(import.meta.dirname, '../packages/sdk-python');

const LIST = `
import ast, pathlib
for file in sorted(pathlib.Path('tests').glob('test_*.py')):
    for node in ast.parse(file.read_text()).body:
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name.startswith('test'):
                    print(f'tests.{file.stem}.{node.name}.{item.name}')
`;

const RUN = `
import json, sys, unittest
out, ids = sys.argv[1], sys.argv[2:]
result = unittest.TextTestRunner(verbosity=2, stream=sys.stderr).run(unittest.defaultTestLoader.loadTestsFromNames(ids))
outcomes = {test_id: 'ok' for test_id in ids}
for test, trace in result.failures + result.errors:
    outcomes[test.id()] = trace
for test, reason in result.skipped:
    outcomes[test.id()] = 'skipped: ' + reason
for test in result.unexpectedSuccesses:
    outcomes[test.id()] = 'unexpected success'
if result.testsRun != len(ids):
    outcomes['(runner)'] = f'ran {result.testsRun} of {len(ids)} tests'
json.dump(outcomes, open(out, 'w'))
`;

// Without python3 the file fails at once, saying what is missing (the run's closing lines repeat it).
if (!hasPython3()) throw new Error(PYTHON3_MISSING);
const ids = execFileSync('python3', ['-c', LIST], { cwd: PACKAGE, encoding: 'utf8' }).trim().split('\n');

let s: SdkServer;
let outcomes: Record<string, string>;
let output = '';
beforeAll(async () => {
  s = await startSdkServer();
  const resultFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chatlogger-py-')), 'results.json');
  const child = track(spawn('python3', ['-c', RUN, resultFile, ...ids], {
    cwd: PACKAGE,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PYTHONPATH: path.join(PACKAGE, 'src'),
      PYTHONDONTWRITEBYTECODE: '1',
      CHATLOGGER_URL: s.url,
      CHATLOGGER_API_KEY: s.apiKey,
      CHATLOGGER_TEST_TOKEN: s.admin.token,
      CHATLOGGER_THROTTLED_API_KEY: s.throttled.apiKey,
      CHATLOGGER_THROTTLED_TOKEN: s.throttled.admin.token,
    },
  }));
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  outcomes = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : { '(runner)': `python3 exited ${code}:\n${output}` };
  fs.rmSync(path.dirname(resultFile), { recursive: true, force: true });
}, 300_000);
afterAll(() => s?.close());

describe('Python SDK (python3 -m unittest, packages/sdk-python/tests)', () => {
  it('lists the Python tests, and python3 ran every one of them', () => {
    expect(ids.length).toBeGreaterThan(10);
    expect(outcomes['(runner)'], output).toBeUndefined();
  });

  it.each(ids)('%s', (id) => {
    expect(outcomes[id], output).toBe('ok');
  });
});
