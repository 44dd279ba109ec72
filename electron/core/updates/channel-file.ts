// The metadata file a kiosk reads for its channel, named as electron-updater names it
// (electron-updater/out/providers/Provider.js getChannelFilePrefix): Windows keeps the bare
// channel for historical reasons, Linux adds -linux and a non-x64 arch, macOS -mac.
export function channelFileName(channel: string, platform: NodeJS.Platform, arch: string): string {
  if (platform === 'linux') return `${channel}-linux${arch === 'x64' ? '' : `-${arch}`}.yml`;
  if (platform === 'darwin') return `${channel}-mac.yml`;
  return `${channel}.yml`;
}
