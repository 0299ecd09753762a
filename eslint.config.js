import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'coverage/**'] },
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
  {
    files: ['src/model/**', 'src/graph/**', 'src/state/**', 'src/export/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/**', '**/render/**'], message: 'Core code must not import UI or rendering.' }] },
      ],
    },
  },
);
