import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Folder boundaries (docs/architecture.md, "Rules of the house"): dependencies point one way,
 * shared ← domain ← store ← pipeline ← services ← handlers ← engine ← transports (host, cli, electron),
 * and the renderer sees only the contract's types. Each folder lists what it may NOT import.
 */
const main = (...dirs) => dirs.flatMap((d) => [`../${d}`, `../${d}/*`, `../../${d}`, `../../${d}/*`]);
const ENTRY = ['../engine', '../cli', '../../engine', '../../cli', '../host/*', '../../host/*'];
const boundary = (files, message, group) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: 'electron', message: 'The engine stays runnable headless: no Electron in main/.' }],
        patterns: [
          { group: ['electron/*'], message: 'The engine stays runnable headless: no Electron in main/.' },
          { group: [...new Set(group)], message },
        ],
      },
    ],
  },
});

const RENDERER_FORBIDDEN = [
  ...[
    'store',
    'pipeline',
    'services',
    'handlers',
    'intel',
    'providers',
    'sandbox',
    'export',
    'secrets',
    'threads',
    'events',
  ].flatMap((d) => [`**/main/${d}`, `**/main/${d}/*`]),
  '**/main/engine',
  '**/main/cli',
  '**/main/contract-args',
];

export const BOUNDARIES = [
  boundary(['main/shared/**/*.ts'], 'shared/ is dependency-free: it imports nothing of the project.', [
    '../*',
    '../**',
  ]),
  boundary(
    ['main/domain/**/*.ts'],
    'domain/ is pure: it may import shared/ and domain/ only.',
    main(
      'store',
      'pipeline',
      'services',
      'handlers',
      'host',
      'intel',
      'providers',
      'sandbox',
      'export',
      'secrets',
      'threads',
      'events',
    ).concat(['../contract', '../contract-args', ...ENTRY]),
  ),
  boundary(
    ['main/store/**/*.ts'],
    'store/ maps rows to domain types: it may import shared/ and domain/ only (never the contract).',
    main(
      'pipeline',
      'services',
      'handlers',
      'host',
      'intel',
      'providers',
      'sandbox',
      'export',
      'secrets',
      'threads',
      'events',
    ).concat(['../contract', '../../contract', '../contract-args', ...ENTRY]),
  ),
  boundary(
    ['main/secrets/**/*.ts'],
    'secrets/ may import shared/ only.',
    main('store', 'pipeline', 'services', 'handlers', 'domain', 'intel', 'providers', 'export').concat([
      '../contract',
      ...ENTRY,
    ]),
  ),
  boundary(
    ['main/providers/**/*.ts', 'main/intel/**/*.ts', 'main/export/**/*.ts', 'main/sandbox/**/*.ts'],
    'providers/, intel/, export/ and sandbox/ are leaves under the pipeline: no pipeline, services, handlers or entry points.',
    main('pipeline', 'services', 'handlers', 'host').concat(['../contract-args', ...ENTRY]),
  ),
  boundary(
    ['main/pipeline/**/*.ts'],
    'pipeline/ may not reach up into services/, handlers/ or the entry points.',
    main('services', 'handlers', 'host').concat(['../contract-args', ...ENTRY]),
  ),
  boundary(
    ['main/services/**/*.ts'],
    'services/ are composed by the engine and used by handlers: they import neither.',
    main('handlers', 'host').concat(ENTRY),
  ),
  boundary(
    ['main/handlers/**/*.ts'],
    'handlers/ are built from services: no entry points or transports.',
    main('host').concat(ENTRY),
  ),
  boundary(
    ['main/host/ws-host.ts', 'main/host/bridge.ts'],
    'A transport serves the contract: it may not reach past it into the store, pipeline or services.',
    main('store', 'pipeline', 'services', 'handlers', 'intel', 'providers', 'domain'),
  ),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              group: RENDERER_FORBIDDEN,
              message:
                'The renderer talks to the engine only through the contract: main/contract, main/shared, main/host/bridge and domain types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/main/store',
                '**/main/store/*',
                '**/main/pipeline/*',
                '**/main/services/*',
                '**/main/handlers',
                '**/main/handlers/*',
              ],
              message: 'electron/ only wires: it reaches the engine through createEngine and the contract.',
            },
          ],
        },
      ],
    },
  },
];

/**
 * Rules of the house: no function in main/ over ~80 lines (blank lines and comments not counted);
 * data tables are object literals, not functions, so they are not measured. No file is exempt: the
 * last long functions were split in issue 10.
 */
export const FUNCTION_LENGTH = { max: 80, skipBlankLines: true, skipComments: true };

/**
 * Settings come in through EngineOptions (intel/'s as IntelSettings), read from the environment only
 * at the entry points: the CLI, the dev host, and engineEnv() (Electron; scripts, benches and tests too).
 */
export const ENV_ENTRY_POINTS = ['main/cli.ts', 'main/cli/**/*.ts', 'main/host/dev.ts', 'main/engine.ts'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'bench/results.json', 'tests/e2e/screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The engine must stay runnable headless: no Electron in main/ (folders below add their boundaries).
    files: ['main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['electron/*'] }] },
  },
  ...BOUNDARIES,
  { files: ['main/**/*.ts'], rules: { 'max-lines-per-function': ['error', FUNCTION_LENGTH] } },
  {
    files: ['main/**/*.ts'],
    ignores: ENV_ENTRY_POINTS,
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Settings come in through EngineOptions; only entry points read the environment (engineEnv()).',
        },
      ],
    },
  },
);
