// The linter `npm test` runs, and the import direction it holds the code to:
// worker → gate → scheduler → trace → reducer → view. The engine produces the
// trace and imports nothing downstream of it (the view, the UI, the CLI) nor
// the lesson API built on it; the primitives know nothing above them; what
// runs in a worker thread never loads React or Ink.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const downstream = ['**/view/**', '**/ui/**', '**/cli/**', '**/cli.js', '**/record/**', '**/run/**', 'react', 'ink', 'ink-*'];
const restrict = (patterns, why) => ({'no-restricted-imports': ['error', {patterns: [{group: patterns, message: why}]}]});

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'vendor/**', 'docs/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: {console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', queueMicrotask: 'readonly', performance: 'readonly', structuredClone: 'readonly', Buffer: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', SharedArrayBuffer: 'readonly', Atomics: 'readonly'}},
		rules: {
			// Spin loops are empty on purpose (a bounded busy wait before parking).
			'no-empty': ['error', {allowEmptyCatch: true}],
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
			'@typescript-eslint/no-unused-expressions': ['error', {allowShortCircuit: true, allowTernary: true}],
			// A terminal program matches escape sequences on purpose.
			'no-control-regex': 'off',
			// Expected Gantt rows are easier to read with their spaces as they are drawn.
			'no-regex-spaces': 'off',
			// A closure may read a binding that is assigned once, later (an Ink instance its handlers use).
			'prefer-const': ['error', {ignoreReadBeforeAssign: true}],
		},
	},
	{files: ['**/*.cjs'], languageOptions: {sourceType: 'commonjs', globals: {require: 'readonly', module: 'writable', __dirname: 'readonly'}}, rules: {'@typescript-eslint/no-require-imports': 'off'}},
	{files: ['source/engine/**'], rules: restrict([...downstream, '**/scenario/**', '**/host/**'], 'the engine only produces the trace: it imports nothing of the view, the UI, the CLI, the lesson API or the threads that host it')},
	{files: ['source/primitives/**'], rules: restrict([...downstream, '**/scenario/**', '**/host/**'], 'a primitive knows nothing above it')},
	{files: ['source/host/**', 'source/scenario/**'], rules: restrict(['**/ui/**', '**/cli/**', '**/cli.js', '**/record/**', '**/run/**', 'react', 'ink', 'ink-*'], 'code that runs in a worker thread never loads the UI')},
	{files: ['source/view/**'], rules: restrict(['**/ui/**', '**/cli/**', '**/cli.js', '**/record/**', '**/run/**', '**/host/**', 'react', 'ink'], 'the view state is a fold over the trace: nothing of the screen or the run')},
);
