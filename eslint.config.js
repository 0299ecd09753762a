import tseslint from 'typescript-eslint';

const NO_UI = { group: ['**/ui/**'], message: 'Core code must not import UI.' };
const NO_RENDER = { group: ['**/render/**'], message: 'Core code must not import rendering.' };
// Build-time code (assembly, validation, metrics, layout, synthetic data) stays out of the page's
// bundle: only the build script and the file-opening worker (src/foreign) use it.
const NO_BUILD = {
  group: ['**/graph/build/**'],
  message: 'Build-time code stays out of the browser bundle.',
};

/** One config block forbidding imports that match `patterns` in `files`. */
function restrictImports(files, patterns) {
  return [{ files, rules: { 'no-restricted-imports': ['error', { patterns }] } }];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'coverage/**', '.cache/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Text from data is never injected as HTML: use textContent.' },
        { property: 'outerHTML', message: 'Text from data is never injected as HTML.' },
      ],
    },
  },
  ...restrictImports(['src/model/**', 'src/graph/**', 'src/export/**'], [NO_UI, NO_RENDER]),
  ...restrictImports(['src/state/**'], [NO_UI, NO_RENDER, NO_BUILD]),
  ...restrictImports(['src/render/**'], [NO_UI, NO_BUILD]),
  ...restrictImports(['src/main.ts', 'src/start.ts', 'src/boot/**', 'src/ui/**'], [NO_BUILD]),
);
