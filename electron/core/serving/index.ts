// One serving surface for the renderer. Two hosts serve it — Electron's app:// handler
// (electron/main/protocol.ts) and the loopback browser host (electron/host/browser-host.ts) —
// and both take from here what a served file looks like: its response headers, its MIME type,
// which request path names which file of the build, and the Chromium switches that make the
// browser a kiosk. Kept apart, the two copies drifted (one sent Permissions-Policy, the other
// X-Frame-Options); kept here, a protection added for one host is added for both.
//
// Why electron/core: main and host may not import each other, and core is the lowest layer both
// may import where Node is allowed, which the path rule needs (node:path resolves and contains
// the file on Windows and Linux alike). common is lower still but is bundled into the renderer,
// which has no Node and no use for these. compose is the composition root: it wires the kiosk's
// services together, and this is policy for two transports, not wiring.
export { PLAIN_TEXT, SECURITY_HEADERS, cacheControlFor, responseHeaders } from './response-headers';
export { mimeFor } from './mime-types';
export { resolveRendererPath, type RendererPath } from './renderer-path';
export { KIOSK_SWITCHES, switchArgs, type ChromiumSwitch } from './kiosk-switches';
