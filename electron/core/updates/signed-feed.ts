// The kiosk's own read of its channel's metadata: fetched under the feed's limits, then
// verified against the pinned keys. electron-updater is handed only text that passed here
// (main/verified-provider.ts), and the install check reads the feed through here again.
import type { PinnedKey } from './metadata-signature';
import { verifyMetadata } from './metadata-signature';
import { feedBaseUrl, fetchFeedFile, type FeedFetchLimits, type FetchLike } from './feed-fetch';
import { readReleaseFacts, type ReleaseFacts } from './release-facts';
import type { UpdateRefusalReason } from './refusals';

export const FEED_LIMITS: FeedFetchLimits = { timeoutMs: 30_000, maxBytes: 256 * 1024 };

export type FeedRead =
  | { kind: 'verified'; text: string; facts: ReleaseFacts; keyId: string }
  | { kind: 'refused'; reason: Extract<UpdateRefusalReason, 'unsigned' | 'bad-signature' | 'unknown-key' | 'malformed'>; detail: string }
  /** The file is not in the folder (404/410). */
  | { kind: 'missing' }
  | { kind: 'unreachable'; detail: string };

export interface SignedFeed {
  readonly fileName: string;
  readonly fileUrl: URL;
  read(): Promise<FeedRead>;
}

export interface SignedFeedOptions {
  /** updates.url, the feed folder. */
  url: string;
  /** channelFileName(): latest.yml, latest-linux.yml, beta.yml … */
  fileName: string;
  keys: readonly PinnedKey[];
  fetch: FetchLike;
  limits?: FeedFetchLimits;
}

export function signedFeed(opts: SignedFeedOptions): SignedFeed {
  const fileUrl = new URL(opts.fileName, feedBaseUrl(opts.url));
  const limits = opts.limits ?? FEED_LIMITS;
  return {
    fileName: opts.fileName,
    fileUrl,
    async read() {
      const got = await fetchFeedFile(fileUrl, opts.fetch, limits);
      if (got.kind !== 'ok') return got;
      const v = verifyMetadata(opts.fileName, got.bytes, opts.keys);
      if (!v.ok) return { kind: 'refused', reason: v.reason, detail: v.detail };
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(v.body);
      } catch {
        return { kind: 'refused', reason: 'malformed', detail: `${opts.fileName} is not UTF-8 text` };
      }
      const facts = readReleaseFacts(text);
      if (!facts) return { kind: 'refused', reason: 'malformed', detail: `${opts.fileName} names no single version and installer hash` };
      return { kind: 'verified', text, facts, keyId: v.keyId };
    },
  };
}
