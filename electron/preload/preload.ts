// Preload of the kiosk window (sandboxed: bundled to ONE CommonJS file, `electron` external).
// Exposes `window.kiosk` with exactly the contract's methods and nothing else — no ipcRenderer,
// no generic invoke, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './build-bridge';

contextBridge.exposeInMainWorld(
  'kiosk',
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
