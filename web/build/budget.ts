// The dashboard's JavaScript budget: what a browser must download before the first page renders
// (the entry chunk and every chunk it imports statically, not the lazily loaded pages) must stay
// under `maxGzipBytes` gzipped. Printed at the end of every build; the build fails above it.
import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function initialJavaScriptBudget({ maxGzipBytes }: { maxGzipBytes: number }): Plugin {
  return {
    name: 'initial-javascript-budget',
    apply: 'build',
    generateBundle(_options, bundle: OutputBundle) {
      const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
      };
      for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);

      const gzipped = (chunk: OutputChunk) => gzipSync(chunk.code, { level: 9 }).length;
      const initialBytes = [...initial].reduce((sum, name) => sum + gzipped(byName.get(name)!), 0);
      const lazy = chunks.filter((chunk) => !initial.has(chunk.fileName));
      const lines = [
        `initial JavaScript: ${kb(initialBytes)} gzipped in ${initial.size} file(s) (budget ${kb(maxGzipBytes)})`,
        `loaded on demand: ${lazy.length} chunk(s), ${kb(lazy.reduce((sum, chunk) => sum + gzipped(chunk), 0))} gzipped in all`,
      ];
      process.stdout.write(`\n${lines.join('\n')}\n`);
      if (initialBytes > maxGzipBytes) {
        this.error(`initial JavaScript is ${kb(initialBytes)} gzipped, over the ${kb(maxGzipBytes)} budget`);
      }
    },
  };
}
