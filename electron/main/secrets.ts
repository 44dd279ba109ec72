// Persisted secrets (service PIN hash, API client credentials) are encrypted with Electron's
// safeStorage (DPAPI on Windows, libsecret/kwallet on Linux). On Linux without a keyring
// safeStorage silently falls back to 'basic_text' — a fixed key, i.e. plain text in practice —
// so we refuse it unless explicitly allowed (INFOMAT_ALLOW_BASIC_TEXT_SECRETS=1 or a config flag).
// No `electron` runtime import: main.ts passes `safeStorage`.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): StorageBackend;
}

export type SecretDecision = { ok: true; backend: string } | { ok: false; reason: string };

export function secretStorageDecision(input: {
  platform: NodeJS.Platform;
  encryptionAvailable: boolean;
  backend: StorageBackend | null;
  allowBasicText: boolean;
}): SecretDecision {
  if (!input.encryptionAvailable) {
    return { ok: false, reason: 'Шифрование ОС недоступно: секреты не сохраняются' };
  }
  if (input.platform === 'linux') {
    const backend = input.backend ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') {
      if (input.allowBasicText) return { ok: true, backend };
      return {
        ok: false,
        reason: `Нет хранилища ключей ОС (backend «${backend}»): секреты не сохраняются. Установите gnome-keyring/kwallet для пользователя инфомата или явно разрешите INFOMAT_ALLOW_BASIC_TEXT_SECRETS=1`,
      };
    }
    return { ok: true, backend };
  }
  return { ok: true, backend: input.platform === 'win32' ? 'dpapi' : 'keychain' };
}

export const allowBasicTextFromEnv = (env: Record<string, string | undefined> = process.env): boolean =>
  env.INFOMAT_ALLOW_BASIC_TEXT_SECRETS === '1';

/** A small encrypted key-value file in userData. Refuses to work when the decision says no. */
export class SecretStore {
  constructor(
    private readonly file: string,
    private readonly storage: SafeStorageLike,
    readonly decision: SecretDecision,
  ) {}

  static open(
    userDataDir: string,
    storage: SafeStorageLike,
    opts: { platform?: NodeJS.Platform; allowBasicText?: boolean } = {},
  ): SecretStore {
    const platform = opts.platform ?? process.platform;
    const decision = secretStorageDecision({
      platform,
      encryptionAvailable: storage.isEncryptionAvailable(),
      backend: platform === 'linux' && storage.getSelectedStorageBackend ? storage.getSelectedStorageBackend() : null,
      allowBasicText: opts.allowBasicText ?? allowBasicTextFromEnv(),
    });
    return new SecretStore(path.join(userDataDir, 'secrets.json'), storage, decision);
  }

  get available(): boolean {
    return this.decision.ok;
  }

  get(name: string): string | null {
    if (!this.decision.ok) return null;
    const entry = this.readAll()[name];
    if (typeof entry !== 'string') return null;
    try {
      return this.storage.decryptString(Buffer.from(entry, 'base64'));
    } catch {
      return null;
    }
  }

  set(name: string, value: string): boolean {
    if (!this.decision.ok) return false;
    const all = this.readAll();
    all[name] = this.storage.encryptString(value).toString('base64');
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
    return true;
  }

  delete(name: string): void {
    const all = this.readAll();
    if (!(name in all)) return;
    delete all[name];
    fs.writeFileSync(this.file, JSON.stringify(all), { mode: 0o600 });
  }

  private readAll(): Record<string, unknown> {
    try {
      const v = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
}
