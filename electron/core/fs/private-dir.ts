// Every folder the kiosk writes to is the kiosk user's alone: created 0700, and a folder that
// already exists is used only if this user owns it and nobody else can write into it. A folder
// someone else created first (a fixed name in a shared temp folder, made 0777 by another user)
// could be read, swapped or filled by that user, so it is refused with a message a technician
// can act on. Temp folders are made with mkdtemp (random name, 0700), never at fixed paths.
import { mkdirSync, mkdtempSync, lstatSync, promises as fs, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class PrivateDirError extends Error {
  constructor(
    readonly dir: string,
    readonly reason: 'not-a-directory' | 'foreign-owner' | 'shared-write',
    message: string,
  ) {
    super(message);
    this.name = 'PrivateDirError';
  }
}

export interface PrivateDirOptions {
  /** The user the folder must belong to; default the current process's (tests pass another). */
  uid?: number;
}

const posix = process.platform !== 'win32';

function currentUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

/** Throws a `PrivateDirError` unless `st` (from lstat) is a folder this user alone can write. */
export function checkPrivateDir(dir: string, st: Stats, opts: PrivateDirOptions = {}): void {
  if (st.isSymbolicLink() || !st.isDirectory()) {
    throw new PrivateDirError(
      dir,
      'not-a-directory',
      `Папка ${dir} — не папка, а ${st.isSymbolicLink() ? 'символическая ссылка' : 'файл'}. Удалите её и запустите инфомат снова. ` +
        `(${dir} is not a plain directory; remove it and start again.)`,
    );
  }
  if (!posix) return; // Windows: ACLs, not mode bits; the folders live in the user's own profile.
  const uid = opts.uid ?? currentUid();
  if (uid !== undefined && st.uid !== uid) {
    throw new PrivateDirError(
      dir,
      'foreign-owner',
      `Папка ${dir} принадлежит другому пользователю (uid ${st.uid}, а инфомат работает как uid ${uid}). ` +
        `Удалите её (sudo rm -r '${dir}') или укажите другую папку. (${dir} is owned by uid ${st.uid}, not ${uid}.)`,
    );
  }
  if ((st.mode & 0o022) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    throw new PrivateDirError(
      dir,
      'shared-write',
      `В папку ${dir} могут писать другие пользователи (права ${mode}). ` +
        `Выполните chmod 700 '${dir}' или удалите её. (${dir} is writable by group/others, mode ${mode}.)`,
    );
  }
}

/**
 * Makes `dir` (and missing parents) with mode 0700, or checks the one that exists.
 * Returns the absolute path.
 */
export function ensurePrivateDirSync(dir: string, opts: PrivateDirOptions = {}): string {
  const abs = path.resolve(dir);
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  checkPrivateDir(abs, lstatSync(abs), opts);
  return abs;
}

export async function ensurePrivateDir(dir: string, opts: PrivateDirOptions = {}): Promise<string> {
  const abs = path.resolve(dir);
  await fs.mkdir(abs, { recursive: true, mode: 0o700 });
  checkPrivateDir(abs, await fs.lstat(abs), opts);
  return abs;
}

/** A fresh private folder with a random name under `parent` (default: the OS temp folder). */
export function makePrivateTempDir(prefix: string, parent: string = os.tmpdir()): string {
  // mkdtemp creates the folder 0700 with a name nobody could have taken before us.
  return mkdtempSync(path.join(parent, prefix));
}

/**
 * The per-user folder for the browser host's durable state (logs, print journal, demo slips,
 * browser profiles): $XDG_STATE_HOME/infomat, else ~/.local/state/infomat; on Windows
 * %LOCALAPPDATA%\Infomat. Not created here.
 */
export function userStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'Infomat');
  const xdg = env.XDG_STATE_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'infomat');
  return path.join(os.homedir(), '.local', 'state', 'infomat');
}
