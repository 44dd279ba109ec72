// A DELIBERATELY INSECURE window, used only by scripts/security-scan.test.ts to prove that the
// security gate fails on it. Excluded from the normal scan and never imported. Do not copy.
import { BrowserWindow, shell } from 'electron';

export function openInsecureWindow(url: string): BrowserWindow {
  const win = new BrowserWindow({
    webPreferences: {
      nodeIntegration: true,
      contextIsolation: false,
      sandbox: false,
      webSecurity: false,
      allowRunningInsecureContent: true,
      experimentalFeatures: true,
      webviewTag: true,
    },
  });
  void win.loadURL(`http://example.com/${url}`);
  win.webContents.on('will-navigate', (_event, target) => {
    void shell.openExternal(target);
  });
  return win;
}
