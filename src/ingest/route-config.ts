// Route options of the ingest routes that the app-wide hooks read.
declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route checks the strings of each item of its body itself (NUL characters, broken
     * Unicode), so the app-wide check of the whole body is skipped: one bad item of a batch must
     * be reported on its own, not fail the others.
     */
    checksItemStrings?: boolean;
  }
}

export {};
