// Starts Debian's Chromium on the browser host's renderer. The command line (which any local
// user can read with `ps`) carries only a one-time launch code: the host spends it on the
// first request, so by the time anyone reads it, it opens nothing. The browser profile is a
// fresh private folder (mkdtemp, 0700) removed when the browser exits or the host stops.
import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePrivateDirSync } from '../core/fs/private-dir';
import type { RunningBrowserHost } from './browser-host';

export interface LaunchChromiumOptions {
  host: Pick<RunningBrowserHost, 'issueLaunchUrl'>;
  /** Flags before `--user-data-dir` and `--app` (kiosk flags, window geometry, --kiosk). */
  args: readonly string[];
  /** A private folder the profile is made in (checked, created 0700 if missing). */
  profileParent: string;
  chromiumPath?: string;
  /** The browser exited (crashed, closed). */
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

export interface LaunchedChromium {
  readonly child: ChildProcess;
  readonly profileDir: string;
  /** Stops the browser, waits for it and removes its profile. */
  close(): Promise<void>;
}

const PROFILE_PREFIX = 'chromium-';
/** A profile folder without Chromium's lock is left alone this long (a browser still starting in it). */
const UNLOCKED_GRACE_MS = 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the profile folders earlier launches left behind. A profile is removed when its
 * browser exits or the host stops, but not when the host itself is killed (a crash, a power cut,
 * the supervisor's SIGKILL): then the folder (several MB: cache, metrics) stays, one more per
 * crash, until the disk is full. A folder is in use while Chromium's `SingletonLock` (a symlink
 * to «host-pid») names a live process on this machine; one without a lock is spared for a minute.
 * Returns the folders removed.
 */
export function removeStaleProfiles(parent: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(PROFILE_PREFIX)) continue;
    const dir = path.join(parent, name);
    try {
      const st = lstatSync(dir);
      if (!st.isDirectory()) continue;
      let lock: string | null = null;
      try {
        lock = readlinkSync(path.join(dir, 'SingletonLock'));
      } catch {
        lock = null;
      }
      if (lock !== null) {
        const m = /^(.*)-(\d+)$/.exec(lock);
        if (m && m[1] === os.hostname() && alive(Number(m[2]))) continue;
        if (m && m[1] !== os.hostname()) continue; // another machine's (a shared folder): not ours to judge
      } else if (now - st.mtimeMs < UNLOCKED_GRACE_MS) {
        continue;
      }
      rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
      removed.push(name);
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
  return removed;
}

export function launchChromium(opts: LaunchChromiumOptions): LaunchedChromium {
  const parent = ensurePrivateDirSync(opts.profileParent);
  // What crashed hosts left behind goes before a new profile is made.
  removeStaleProfiles(parent);
  const profileDir = mkdtempSync(path.join(parent, PROFILE_PREFIX));
  let removed = false;
  const removeProfile = (): void => {
    if (removed) return;
    removed = true;
    try {
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    } catch {
      // A helper process of the browser still writing its cache (ENOTEMPTY): never throw from
      // an exit handler; what is left is removed by the next launch (removeStaleProfiles).
    }
  };
  // Also when the host exits without close() (an uncaught error): the profile must not stay.
  process.once('exit', removeProfile);

  // Chromium's own temp files (org.chromium.Chromium.*) go inside the profile, removed with it.
  const tmp = path.join(profileDir, 'tmp');
  mkdirSync(tmp, { mode: 0o700 });
  const child = spawn(opts.chromiumPath ?? '/usr/bin/chromium', [...opts.args, `--user-data-dir=${profileDir}`, `--app=${opts.host.issueLaunchUrl()}`], {
    stdio: 'ignore',
    env: { ...process.env, TMPDIR: tmp },
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      removeProfile();
      process.off('exit', removeProfile);
      resolve();
      opts.onExit?.(code, signal);
    });
    child.once('error', () => {
      removeProfile();
      resolve();
    });
  });

  return {
    child,
    profileDir,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      timer.unref();
      await exited;
      clearTimeout(timer);
      removeProfile();
    },
  };
}

/**
 * With no browser to launch, the technician gets a launch URL on stdout: single-use and valid
 * for a minute, so it says so, and Enter prints a fresh one (when stdin is a terminal).
 */
export function announceLaunchUrl(host: Pick<RunningBrowserHost, 'issueLaunchUrl'>, reason: string, out: (line: string) => void = console.log): () => void {
  const say = (): void => out(`${reason}: open this single-use link within 60 s (Enter prints a new one): ${host.issueLaunchUrl()}`);
  say();
  if (!process.stdin.isTTY) return () => {};
  const onData = (): void => say();
  process.stdin.on('data', onData);
  process.stdin.unref?.();
  return () => {
    process.stdin.off('data', onData);
    process.stdin.pause();
  };
}
