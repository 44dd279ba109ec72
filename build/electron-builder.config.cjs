// electron-builder 26 configuration of the Infomat kiosk.
// Validate offline: `node scripts/validate-builder-config.mjs` (schema + our packaging policy).
// Packaging needs the internet (Electron, NSIS, AppImage tools) or `electronDist`.
//
// Inputs: `dist/electron/main.js` (main, bundled CJS, `electron` and `serialport` external),
// `dist/electron/preload.js` (preload, one CJS file), `dist/renderer/**` (Vite build).
// Nothing else goes into app.asar: no sources, no tests, no source maps, and of node_modules
// only what the bundle leaves external (RUNTIME_MODULES); validate-builder-config.mjs fails
// when the bundle requires a module the packaged app would not contain.
//
// Release builds (INFOMAT_UPDATES_URL set, README: "Rolling out a new version to a fleet"):
// the Windows installer must be code-signed, and INFOMAT_WIN_PUBLISHER must name the
// certificate's publisher (its subject CN, exactly), so that electron-updater refuses an
// update installer not signed by us. The certificate itself comes the usual electron-builder
// way (CSC_LINK + CSC_KEY_PASSWORD, or a certificate in the store / on a token via
// win.signtoolOptions.certificateSubjectName), never from this file.

/** The e2e variant keeps the NodeCliInspect fuse on: Playwright's _electron.launch needs it. */
const e2eBuild = process.env.INFOMAT_E2E_BUILD === '1';
const releaseBuild = Boolean(process.env.INFOMAT_UPDATES_URL);
const winPublisher = process.env.INFOMAT_WIN_PUBLISHER;

/**
 * Packages loaded from node_modules at run time instead of bundled, with their dependency
 * tree: serialport finds its prebuilt N-API binary relative to its own folder (node-gyp-build).
 * Every other node_modules folder stays out of app.asar.
 */
const RUNTIME_MODULES = ['serialport', '@serialport', 'debug', 'ms', 'node-gyp-build', 'node-addon-api'];

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'ru.infomat.kiosk',
  productName: 'Infomat',
  executableName: 'infomat',
  copyright: 'Infomat',
  directories: { output: e2eBuild ? 'release-e2e' : 'release', buildResources: 'build' },
  extraMetadata: { main: 'dist/electron/main.js' },
  files: [
    'package.json',
    'dist/electron/**/*',
    'dist/renderer/**/*',
    '!**/*.map',
    '!**/*.ts',
    '!**/*.tsx',
    '!**/*.{test,spec}.*',
    '!**/__fixtures__/**',
    '!**/__tests__/**',
    `!**/node_modules/!(${RUNTIME_MODULES.join('|')}){,/**}`,
    '!**/.DS_Store',
  ],
  asar: true,
  // A native binary cannot be loaded from inside an archive: serialport's prebuilds go to
  // app.asar.unpacked (Electron redirects the require there).
  asarUnpack: ['**/node_modules/**/*.node'],
  // The OS lockdown recipes travel with the app (resources/lockdown), outside app.asar.
  extraResources: [{ from: 'build/lockdown', to: 'lockdown', filter: ['**/*'] }],
  compression: 'normal',
  electronLanguages: ['ru', 'en-US'],
  // The generic provider only describes where kiosks look for updates: electron-builder writes
  // latest.yml / latest-linux.yml (+ blockmaps) next to the installers and app-update.yml into
  // the app; it never uploads anything. Copy release/ to that address by hand (README: "Rolling
  // out a new version to a fleet"). The kiosk's updates.url and updates.channel win over this.
  publish: [
    {
      provider: 'generic',
      url: process.env.INFOMAT_UPDATES_URL || 'https://updates.infomat.example/infomat',
      channel: 'latest',
      useMultipleRangeRequest: false,
    },
  ],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: e2eBuild,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icons/icon.ico',
    executableName: 'Infomat',
    // electron-updater checks a downloaded installer's Authenticode signature against the
    // publisher names electron-builder writes into app-update.yml from here.
    verifyUpdateCodeSignature: true,
    forceCodeSigning: releaseBuild,
    ...(winPublisher ? { signtoolOptions: { publisherName: [winPublisher] } } : {}),
  },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: false,
    createDesktopShortcut: false,
    createStartMenuShortcut: true,
    runAfterFinish: false,
    deleteAppDataOnUninstall: false,
    installerLanguages: ['ru_RU'],
    language: '1049',
    shortcutName: 'Инфомат',
    uninstallDisplayName: 'Инфомат ${version}',
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    icon: 'build/icons/png',
    category: 'Office',
    maintainer: 'Infomat team <support@infomat.example>',
    vendor: 'Infomat',
    synopsis: 'Инфомат: запись к врачу по направлению',
    description: 'Touchscreen kiosk for clinic lobbies: book an appointment by referral and print the ticket slip',
    desktop: {
      entry: {
        Name: 'Infomat',
        'Name[ru]': 'Инфомат',
        Comment: 'Clinic kiosk: appointments by referral',
        'Comment[ru]': 'Запись к врачу по направлению',
        Categories: 'Office;MedicalSoftware;',
        StartupWMClass: 'Infomat',
        Terminal: 'false',
      },
    },
  },
  deb: {
    priority: 'optional',
    // The kiosk session recipe (build/lockdown/linux) uses cage; secrets need a keyring.
    recommends: ['cage', 'gnome-keyring'],
  },
};
