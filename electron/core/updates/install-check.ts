// The last look at the feed before a kiosk restarts into a downloaded release: the release
// must still be offered, signed, as the same version with the same installers. A release
// taken down after the kiosk downloaded it (the metadata removed, or the previous version's
// put back) is not installed; a release replaced by a newer one waits for that one instead.
import type { FeedRead } from './signed-feed';
import { compareVersions } from './release-facts';
import type { UpdateRefusalReason } from './refusals';

export interface DownloadedRelease {
  version: string;
  /** The sha512 of each installer electron-updater downloaded (its UpdateInfo.files). */
  sha512: string[];
}

export type InstallCheck =
  | { kind: 'confirmed' }
  | { kind: 'refused'; reason: UpdateRefusalReason; detail: string }
  /** The feed offers a newer version: download that one, install nothing now. */
  | { kind: 'superseded'; version: string }
  /** The feed could not be read: no install until it can. */
  | { kind: 'unconfirmed'; detail: string };

export function checkBeforeInstall(feed: FeedRead, downloaded: DownloadedRelease): InstallCheck {
  switch (feed.kind) {
    case 'missing':
      return { kind: 'refused', reason: 'pulled', detail: `the metadata of ${downloaded.version} is no longer in the feed` };
    case 'unreachable':
      return { kind: 'unconfirmed', detail: feed.detail };
    case 'refused':
      return { kind: 'refused', reason: feed.reason, detail: feed.detail };
    case 'verified': {
      const offered = feed.facts.version;
      const order = compareVersions(offered, downloaded.version);
      if (order < 0) return { kind: 'refused', reason: 'version-lowered', detail: `the feed now offers ${offered}, lower than the downloaded ${downloaded.version}` };
      if (order > 0) return { kind: 'superseded', version: offered };
      const gone = downloaded.sha512.filter((h) => !feed.facts.sha512.includes(h));
      if (downloaded.sha512.length === 0 || gone.length > 0) {
        return { kind: 'refused', reason: 'changed', detail: `${offered} is now offered with other installers than the ones downloaded` };
      }
      return { kind: 'confirmed' };
    }
  }
}
