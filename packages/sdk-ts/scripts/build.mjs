// Builds dist/esm (ES modules) and dist/cjs (CommonJS) with tsc, each with its .d.ts files.
// dist/cjs gets a package.json saying "commonjs", so Node and TypeScript read its .js and .d.ts
// files as CommonJS although this package is "type": "module".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// typescript: this package's devDependency, or the one of the project building it (the repository).
const resolveTsc = (from) => createRequire(path.join(from, 'package.json')).resolve('typescript/bin/tsc');
let tsc;
try {
  tsc = resolveTsc(root);
} catch {
  tsc = resolveTsc(process.cwd());
}
fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
for (const project of ['tsconfig.json', 'tsconfig.cjs.json']) {
  execFileSync(process.execPath, [tsc, '-p', path.join(root, project)], { stdio: 'inherit' });
}
fs.writeFileSync(path.join(root, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n');
