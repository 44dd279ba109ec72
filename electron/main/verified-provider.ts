// electron-updater's generic provider with one change: the metadata it acts on is the text
// our signature check passed (core/updates/update-runner.ts metadataForUpdater), never a
// second, unchecked download of the same file. Everything else — where the installers are,
// blockmaps, staging, the SHA-512 check of the download — stays electron-updater's, fed from
// the verified text. No Electron here, so it is tested with the real electron-updater code.
import type { UpdateInfo } from 'electron-updater';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider';
import type { DownloadedRelease } from '../core/updates/install-check';

type ProviderArgs = ConstructorParameters<typeof GenericProvider>;

/** The class for setFeedURL({ provider: 'custom', updateProvider, url }). */
export function verifiedProvider(feed: { fileName: string; fileUrl: URL }, metadata: () => Promise<string>) {
  return class VerifiedFeedProvider extends GenericProvider {
    // Installers are resolved against the folder the verified metadata came from.
    constructor(_options: unknown, updater: ProviderArgs[1], runtime: ProviderArgs[2]) {
      super({ provider: 'generic', url: new URL('.', feed.fileUrl).href }, updater, runtime);
    }

    override async getLatestVersion(): Promise<UpdateInfo> {
      return parseUpdateInfo(await metadata(), feed.fileName, feed.fileUrl);
    }
  };
}

/** What the install check compares: the version and the installers electron-updater took from the metadata. */
export function releaseOf(info: UpdateInfo): DownloadedRelease {
  const sha512 = (info.files ?? []).map((f) => f.sha512).filter((h): h is string => typeof h === 'string' && h.length > 0);
  return { version: info.version, sha512: sha512.length > 0 ? [...new Set(sha512)] : info.sha512 ? [info.sha512] : [] };
}
