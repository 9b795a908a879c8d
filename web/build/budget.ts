// The dashboard's JavaScript budget: what a browser must download before a page renders (the entry
// chunk, every chunk it imports statically, and that page's own lazy chunk with its imports) must
// stay under `maxGzipBytes` gzipped for every page. Printed at the end of every build; the build
// fails above it.
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
      // A chunk and every chunk it imports statically.
      const closure = (fileName: string, into = new Set<string>()) => {
        if (into.has(fileName)) return into;
        into.add(fileName);
        for (const imported of byName.get(fileName)?.imports ?? []) closure(imported, into);
        return into;
      };
      const initial = new Set<string>();
      for (const chunk of chunks) if (chunk.isEntry) closure(chunk.fileName, initial);

      const sizes = new Map(chunks.map((chunk) => [chunk.fileName, gzipSync(chunk.code, { level: 9 }).length]));
      const total = (files: Set<string>) => [...files].reduce((sum, name) => sum + sizes.get(name)!, 0);
      const initialBytes = total(initial);
      // What the first visit to a page downloads: the entry's chunks plus the page's own (pages are
      // lazy chunks). The budget holds for the heaviest page, the overview with its charts.
      const pages = chunks
        .filter((chunk) => chunk.isDynamicEntry)
        .map((chunk) => ({ name: chunk.name, bytes: total(closure(chunk.fileName, new Set(initial))) }))
        .sort((a, b) => b.bytes - a.bytes);
      const heaviest = pages[0] ?? { name: 'entry', bytes: initialBytes };
      const lazy = chunks.filter((chunk) => !initial.has(chunk.fileName));
      const lines = [
        `initial JavaScript: ${kb(initialBytes)} gzipped in ${initial.size} file(s) before any page`,
        `first visit, heaviest page (${heaviest.name}): ${kb(heaviest.bytes)} gzipped (budget ${kb(maxGzipBytes)})`,
        `loaded on demand: ${lazy.length} chunk(s), ${kb(lazy.reduce((sum, chunk) => sum + sizes.get(chunk.fileName)!, 0))} gzipped in all`,
      ];
      process.stdout.write(`\n${lines.join('\n')}\n`);
      if (heaviest.bytes > maxGzipBytes) {
        this.error(`the first visit to ${heaviest.name} loads ${kb(heaviest.bytes)} of JavaScript gzipped, over the ${kb(maxGzipBytes)} budget`);
      }
    },
  };
}
