// Layer boundaries and no cycles, checked by test/arch/boundaries.test.ts (npm test).
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Modules that import each other cannot be understood or tested apart.', from: {}, to: { circular: true } },
    {
      name: 'engine-stands-alone',
      severity: 'error',
      comment: 'The engine knows nothing of the CLI, the language server, the editor client or file discovery.',
      from: { path: '^server/src/engine/' },
      to: { path: '^(server/src/(server|cli|files)|client/src)/' },
    },
    {
      name: 'server-not-cli',
      severity: 'error',
      comment: 'The language server shares code with the CLI through the engine or server/src/files, never the CLI itself.',
      from: { path: '^server/src/server/' },
      to: { path: '^(server/src/cli|client/src)/' },
    },
    { name: 'cli-not-server', severity: 'error', comment: 'The CLI runs without the language server.', from: { path: '^server/src/cli/' }, to: { path: '^(server/src/server|client/src)/' } },
    {
      name: 'files-below-front-ends',
      severity: 'error',
      comment: 'Shared file discovery serves the CLI and the server, so it imports neither.',
      from: { path: '^server/src/files/' },
      to: { path: '^(server/src/(server|cli)|client/src)/' },
    },
    {
      name: 'rules-keep-no-memo',
      severity: 'error',
      comment: "A rule is a pure function of its context: what it would remember between lints lives in the engine's caches (context.document, context.remember).",
      from: { path: '^rules/' },
      to: { path: '^server/src/engine/incremental/' },
    },
    { name: 'rules-use-engine-only', severity: 'error', comment: 'A rule sees the engine API only.', from: { path: '^rules/' }, to: { path: '^(server/src/(server|cli|files)|client/src)/' } },
    {
      name: 'client-talks-lsp',
      severity: 'error',
      comment: 'The VS Code client reaches the server over LSP: it imports the protocol, the pure vocabulary-edit module and the settings definition, nothing else.',
      from: { path: '^client/src/' },
      to: { path: '^server/src/', pathNot: '^server/src/(server/protocol|engine/config/(vocabularyEdit|definition))[.]ts$' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist)/' },
  },
};
