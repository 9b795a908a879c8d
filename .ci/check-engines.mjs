// Fails (exit 1) when an installed production dependency declares an `engines.node` range that the
// running Node does not satisfy. npm itself only warns (EBADENGINE) and installs anyway; a package
// that says it needs Node 22 may use an API that Node 20 lacks on a path the tests never reach.
// Usage: node .ci/check-engines.mjs   (npm run check:engines)
import { execFileSync } from 'node:child_process';
import semver from 'semver';

const installed = JSON.parse(execFileSync('npm', ['query', '.prod'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
const unsupported = installed.filter(
  (pkg) => pkg.engines?.node && !semver.satisfies(process.version, pkg.engines.node, { includePrerelease: true }),
);
for (const pkg of unsupported) {
  console.error(`EBADENGINE: ${pkg.name}@${pkg.version} (${pkg.location}) needs node ${pkg.engines.node}; this is ${process.version}`);
}
console.log(`engines: ${installed.length} production packages checked against node ${process.version}, ${unsupported.length} unsupported`);
process.exit(unsupported.length ? 1 : 0);
