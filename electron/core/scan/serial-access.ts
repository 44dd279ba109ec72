// The real serial ports, through the `serialport` package. Loaded only when the config asks
// for a serial scanner, so a kiosk without one never loads the native binding. Its prebuilt
// N-API (v8) binaries load in Node and Electron alike, without an electron-rebuild.
import type { SerialAccess } from './serial-scanner';

export async function loadSerialAccess(): Promise<SerialAccess> {
  const { SerialPort } = await import('serialport');
  return {
    list: () => SerialPort.list(),
    create: (path, baudRate) => new SerialPort({ path, baudRate, autoOpen: false }),
  };
}
