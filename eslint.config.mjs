// ESLint (flat config): typescript-eslint's recommended rules over the TypeScript sources; run by scripts/lint.mjs in npm test.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names mark values kept on purpose (destructured away, or a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // The custom LSP requests follow vscode-languageserver-protocol's own shape: a namespace per request (method, types).
  { files: ['server/src/server/protocol.ts'], rules: { '@typescript-eslint/no-namespace': 'off' } },
);
