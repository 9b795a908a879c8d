// Loaded into the server that bench:memory measures (NODE_OPTIONS=--import): writes the process's
// process.memoryUsage() to BENCH_HEAP_FILE five times a second, so that the benchmark can tell
// Node's own share of the RSS (V8's heap) from PGlite's WebAssembly memory. Never loaded by `npm start`.
import fs from 'node:fs';

const file = process.env.BENCH_HEAP_FILE;
if (file) {
  const write = () => {
    try {
      // Written aside and renamed: the benchmark never reads a half-written file.
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
      fs.renameSync(`${file}.tmp`, file);
    } catch {
      // the benchmark removed its folder: nothing left to report to
    }
  };
  write();
  setInterval(write, 200).unref();
}
