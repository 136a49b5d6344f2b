// ESLint for the app: typescript-eslint's recommended rules (no type information: the app's TypeScript 7 has no
// compiler API, this folder's TypeScript 6 only parses) and React's rules of hooks. Run from the repository root:
// `npm run lint` (it installs this folder's packages when missing).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist*/**', 'node_modules/**', 'scripts/lint/**', 'src/adql/parser.ts', 'src/adql/parser.terms.ts', '**/__fixtures__/**', '.tmp*/**', 'test-results/**'] },
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.mjs', '*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `a && b()` and `c ? d() : e()` as statements are an idiom here
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // control characters in patterns are deliberate: they are what file names, headers and URLs must not carry
      'no-control-regex': 'off',
    },
  },
  {
    // the rules of hooks where React lives (e2e and scripts have functions named use… that are no hooks)
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // small files with one reason to change, functions one can read (tests and the generated parser aside)
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 120 }],
    },
  },
  { files: ['src/**/*.test.{ts,tsx}', 'src/test-support/**'], rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' } },
)
