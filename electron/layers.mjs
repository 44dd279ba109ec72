// The kiosk's layers: which folder may import which, and why. This one table is read by
// eslint.config.mjs (it builds the import rules from it), by scripts/layers-doc.ts (it writes the
// layer table and the core's rooms into docs/architecture.md) and by
// electron/layer-boundaries.test.ts (every banned pair fails the lint, every allowed pair passes).
// Plain JavaScript on purpose: ESLint loads its config without a TypeScript loader.
//
// How to read a layer:
// - `files`: the files its rule applies to. A layer nested in another (printing/virtual in
//   printing, simulator/n3 in simulator) is its own layer; its parent's rule skips its files.
// - `importedAs`: how an import of this layer is spelled when another layer bans it (globs as
//   no-restricted-imports reads them), and `whyNot` the reason that layer's developer sees.
// - `bans`: what this layer may not import. Each ban names its `targets` (layer or package ids;
//   banning a layer bans the layers nested in it too). A ban whose spelling differs from the
//   targets' own gives `patterns` or `regex`, and `except` the modules that spelling still lets
//   through; `typesAllowed` lets `import type` through. Anything not banned is allowed.
// - `exempt`: files of the layer that no rule applies to, and why.
// - `sample`: a real module of the layer; the boundary test imports it from every other layer.
// - `why`: the doc's "Why" column; `rooms` (the core only): one line per entry of electron/core/.

/** Tests and their helpers assemble layers on purpose: no layer rule applies to them. */
export const EXEMPT = ['**/*.test.ts', '**/*.test.tsx', '**/test-helpers.ts', '**/__fixtures__/**'];

/** Imports that are not our folders but are banned somewhere. Other npm packages are not guarded. */
export const PACKAGES = [
  {
    id: 'electron',
    label: '`electron`',
    path: 'electron',
    sample: 'electron',
    whyNot: 'only electron/main and electron/preload may import electron',
  },
  // Each layer that bans Node says why in its own words.
  { id: 'node', label: '`node:*`', sample: 'node:fs', importedAs: ['node:*'] },
];

const ban = (...targets) => targets.map((target) => ({ targets: [target] }));

/** Everything under electron/ that is a layer of its own at the top. */
const KIOSK_CODE = ['common', 'core', 'printing', 'compose', 'host', 'main', 'preload', 'demo'];

const STANDS_ALONE = 'the simulator stands alone, like the real MIS';

export const LAYERS = [
  {
    id: 'main',
    folder: 'electron/main',
    files: ['electron/main/**/*.ts'],
    importedAs: ['**/main/*', '**/electron/main/**'],
    whyNot: 'the Electron shell is an entry point',
    sample: 'electron/main/shell',
    bans: ban('virtual', 'host', 'demo', 'preload', 'simulator', 'renderer'),
    why: 'The thin Electron shell (window, lockdown, IPC, `app://`, the OS printer); `main.ts` refuses demo mode.',
  },
  {
    id: 'host',
    folder: 'electron/host',
    files: ['electron/host/**/*.ts'],
    importedAs: ['**/host/*', '**/electron/host/**'],
    whyNot: 'the browser host is an entry point',
    sample: 'electron/host/run-host',
    bans: ban('electron', 'virtual', 'main', 'demo', 'preload', 'simulator', 'renderer'),
    why: 'The no-Electron transport (loopback HTTP bridge, Chromium launcher); its `cli.ts` refuses `--demo`.',
  },
  {
    id: 'demo',
    folder: 'electron/demo',
    files: ['electron/demo/**/*.ts'],
    importedAs: ['**/demo/*', '**/electron/demo/**'],
    whyNot: 'demo backends are wired only by the demo entry points',
    sample: 'electron/demo/demo-backends',
    bans: [],
    why: 'Demo entry points: wire the simulator and the virtual printer into the shell or the host; imported by no one.',
  },
  {
    id: 'compose',
    folder: 'electron/compose',
    files: ['electron/compose/**/*.ts'],
    importedAs: ['**/compose/*', '**/electron/compose/**'],
    whyNot: 'only entry points (host, main, demo) use the composition root',
    sample: 'electron/compose/boot',
    bans: ban('electron', 'virtual', 'host', 'main', 'demo', 'preload', 'simulator', 'renderer'),
    why: 'The composition root: one boot for the shell and the host, the only place that joins core and printing; demo backends come in as a parameter, so production never bundles them.',
  },
  {
    id: 'printing',
    folder: 'electron/printing',
    files: ['electron/printing/**/*.ts'],
    exempt: {
      files: ['electron/printing/sample-slips.ts'],
      why: 'sample slips for the tests, the sample images and the demo (it imports types only)',
    },
    importedAs: ['**/printing', '**/printing/*', '**/electron/printing/**'],
    whyNot: 'core and printing are siblings: the composition root joins them',
    sample: 'electron/printing/print-journal',
    bans: ban('electron', 'virtual', 'compose', 'host', 'main', 'demo', 'preload', 'simulator', 'renderer'),
    why: "Slip layout, ESC/POS, transports, the print journal. It implements the core's `SlipPrinter` port; the core never imports printing, so there is no folder cycle.",
  },
  {
    id: 'virtual',
    folder: 'electron/printing/virtual',
    files: ['electron/printing/virtual/**/*.ts'],
    importedAs: ['**/printing/virtual', '**/printing/virtual/**', '**/virtual/*'],
    whyNot: 'the virtual printer is demo/test only',
    sample: 'electron/printing/virtual/server',
    bans: ban('electron', 'compose', 'host', 'main', 'demo', 'preload', 'simulator', 'renderer'),
    why: 'The virtual printer is a demo/test backend: only `electron/demo`, tests and scripts use it.',
  },
  {
    id: 'core',
    folder: 'electron/core',
    files: ['electron/core/**/*.ts'],
    importedAs: ['**/core/*', '**/core/**', '**/electron/core/**'],
    whyNot: 'this layer may not reach into the core',
    sample: 'electron/core/ports',
    bans: ban('electron', 'printing', 'compose', 'host', 'main', 'demo', 'preload', 'simulator', 'renderer'),
    why: 'Runs and is tested under plain Node; the token holder must not know any transport.',
    // One line per entry of electron/core/: a test fails while an entry there has none.
    rooms: {
      'api/': 'the SoftRust REST client under hard limits (bounded exchange, TLS trust, URL path guard), the MIS answer schemas, MIS time → ISO; `testing/` holds hostile MIS servers for tests',
      'booking/': 'the use cases behind the bridge (`kiosk-service.ts`), the session\'s booking ledger, reconciliation of a lost booking answer, print decisions, view models',
      'bridge/': 'the dispatcher: checks every method\'s input and output against the contract (zod) and maps errors to the one shape the renderer reads',
      'config/': 'the machine\'s config.json: zod schema per section, loading, problems worded for the technician',
      'fs/': 'private (0700, owner-checked) folders and the retention of what the kiosk keeps on disk',
      'health/': 'pre-flight health: can the kiosk print, does the MIS (SoftRust or the N3 hub) answer',
      'log/': 'the JSON-lines file logger (rotation, redaction of patient data and secrets) and the in-memory tail for the service screen',
      'mis/': 'the `Mis` port the use cases talk to and its adapters: SoftRust (over `api/`) and the N3 HubService over SOAP (`n3/`)',
      'scan/': 'policy scanners: serial and keyboard input, the ENP check digit, the paper policy barcode, the scan inbox and its bridge methods',
      'serving/': 'what either host serves (Electron\'s app:// and the browser host alike): security and cache headers, MIME types, request path → file of the build, the kiosk Chromium switches',
      'service/': 'service mode, the technician\'s PIN-gated panel: PIN hash and lockout, its bridge methods, config summary, paper counter, restart/exit port',
      'session/': 'the patient session, the only holder of the COD token',
      'speech/': 'voice guidance\'s own engine: espeak-ng spawned per utterance (text on stdin, never a shell; interrupt or queue; WAV files for tests), and the `speak`/`speechStop` bridge methods',
      'telemetry/': 'Prometheus metrics: the kiosk\'s series (closed label sets), the `/metrics` server, the periodic probe',
      'updates/': 'the update cycle: our Ed25519 signature on the update metadata checked against the pinned release keys (`release-keys.json`) before download and again before install, refusals (log and metric), when a kiosk may install (staged rollout, maintenance window), the ledger of update restarts; `testing/` holds a loopback feed for tests',
      'ports.ts': 'the interfaces the core needs from outside (slip printer, print history, logger, speech engine); printing and the shell implement them',
    },
  },
  {
    id: 'preload',
    folder: 'electron/preload',
    files: ['electron/preload/**/*.ts'],
    importedAs: ['**/preload/*'],
    whyNot: 'the preload is bundled on its own',
    sample: 'electron/preload/build-bridge',
    bans: [
      ...ban('core', 'printing', 'compose', 'host', 'main', 'demo', 'simulator', 'renderer'),
      {
        // Only the method list at run time: the sandboxed preload bundle stays tiny.
        targets: ['common'],
        patterns: ['**/common/*', '!**/common/channels'],
        except: ['electron/common/channels'],
        typesAllowed: true,
        message: 'the preload imports only common/channels at run time',
      },
    ],
    why: 'A sandboxed preload is one small bundle: `contextBridge` and the method list.',
  },
  {
    id: 'common',
    folder: 'electron/common',
    files: ['electron/common/**/*.ts'],
    whyNot: null, // banned only in the preload's and the simulator's own spelling
    sample: 'electron/common/rules',
    bans: [
      ...ban('electron', 'core', 'printing', 'compose', 'host', 'main', 'demo', 'preload', 'simulator', 'renderer'),
      { targets: ['node'], message: 'common code also runs in the renderer: no Node APIs' },
    ],
    why: 'The shared contract (zod), the method list, patient wording, rules, calendar: bundled into the renderer and the preload too.',
  },
  {
    id: 'renderer',
    folder: 'renderer',
    files: ['renderer/**/*.{ts,tsx}'],
    importedAs: ['**/renderer/**'],
    whyNot: 'the renderer is a browser bundle: nothing imports it',
    sample: 'renderer/src/bridge',
    bans: [
      ...ban('electron'),
      {
        // Spelled from outside electron/, so the renderer's own folders may share these names.
        targets: ['core', 'printing', 'compose', 'host', 'main', 'preload', 'demo'],
        patterns: ['**/electron/core/**', '**/electron/printing/**', '**/electron/compose/**', '**/electron/host/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/demo/**'],
        message: 'the renderer sees only the shared contract and common code',
      },
      ...ban('simulator'),
      { targets: ['node'], message: 'the renderer has no Node' },
    ],
    why: 'React + zustand; it never knows which transport carries the bridge (`window.kiosk`).',
  },
  {
    id: 'simulator',
    folder: 'simulator',
    files: ['simulator/**/*.ts'],
    importedAs: ['**/simulator', '**/simulator/**'],
    whyNot: 'the simulator is demo/test only: production code never imports it',
    sample: 'simulator/server',
    bans: [...ban('electron'), { targets: KIOSK_CODE, patterns: ['**/electron/**'], message: STANDS_ALONE }],
    why: 'The SoftRust MIS simulator stands alone, like the real MIS.',
  },
  {
    id: 'n3-simulator',
    folder: 'simulator/n3',
    files: ['simulator/n3/**/*.ts'],
    whyNot: null, // banned as part of the simulator
    sample: 'simulator/n3/server',
    bans: [
      ...ban('electron'),
      {
        // It shares only the generic XML tree and the namespace constants; every operation's
        // shape is written on its own in simulator/n3/ops.ts.
        targets: KIOSK_CODE,
        regex: '(^|/)electron/(?!core/mis/n3/(xml-tree|soap)$)',
        except: ['electron/core/mis/n3/xml-tree', 'electron/core/mis/n3/soap'],
        message: STANDS_ALONE,
      },
    ],
    why: 'The N3 HubService simulator stands alone too, but speaks the adapter\'s SOAP: it shares the XML tree and the namespaces.',
  },
];
