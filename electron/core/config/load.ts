// Loading the machine-wide kiosk configuration. No Electron here: the shell, the browser host
// and the tests all call `loadKioskConfig`. How problems are worded for the technician lives
// in technician-messages.ts.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { KioskConfigSchema, type KioskConfig } from './schema';
import { loadCaBundle } from '../api/tls';
import { describeFsError, describeIssue, jsonProblem, unknownKeyWarnings } from './technician-messages';

export type ConfigSource = 'file' | 'missing';

export type ConfigLoadResult =
  | {
      ok: true;
      config: KioskConfig;
      /** Where the file was looked for (also when it was missing). */
      path: string;
      source: ConfigSource;
      /** The file's JSON as written (before defaults): the base the fleet's layers are laid on. */
      raw: Record<string, unknown>;
      /** Not fatal: unknown keys inside sections, a missing file that switched demo on … */
      warnings: string[];
    }
  | { ok: false; path: string; problems: string[] };

export interface LoadOptions {
  /** Overrides every other way of finding the file. */
  path?: string;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** What a missing file means: run the built-in demo (dev, `--demo`) or report a problem. */
  onMissing?: 'demo' | 'problem';
  readFile?: (file: string) => string;
}

/** The machine-wide config location; `INFOMAT_CONFIG` overrides it. */
export function defaultConfigPath(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
): string {
  const override = env.INFOMAT_CONFIG?.trim();
  if (override) return override;
  switch (platform) {
    case 'win32': {
      const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
      return path.win32.join(programData, 'Infomat', 'config.json');
    }
    case 'darwin':
      return '/Library/Application Support/Infomat/config.json';
    default:
      return '/etc/infomat/config.json';
  }
}

export function loadKioskConfig(opts: LoadOptions = {}): ConfigLoadResult {
  const env = opts.env ?? process.env;
  const file = opts.path ?? defaultConfigPath(opts.platform ?? process.platform, env);
  const read = opts.readFile ?? ((f: string) => readFileSync(f, 'utf8'));
  let text: string;
  try {
    text = read(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    if (code === 'ENOENT') {
      if ((opts.onMissing ?? 'demo') === 'demo') {
        const config = KioskConfigSchema.parse({ demo: true });
        return {
          ok: true,
          config,
          path: file,
          source: 'missing',
          raw: { demo: true },
          warnings: [`Файл настроек ${file} не найден — запущен демонстрационный режим`],
        };
      }
      return {
        ok: false,
        path: file,
        problems: [
          `Файл настроек не найден: ${file}`,
          'Создайте его по образцу из документации (docs/configuration.md) или запустите инфомат с ключом --demo.',
        ],
      };
    }
    return { ok: false, path: file, problems: [`Не удаётся прочитать файл настроек ${file}: ${describeFsError(code)}`] };
  }
  return withCaFile(parseKioskConfigText(text, file), read);
}

/**
 * api.caFile is read at load time so that a wrong path or a non-PEM file is reported with the
 * other config problems, not as a TLS failure at the first patient. A relative path is taken
 * from the config file's folder (where a technician naturally puts it) and stored resolved.
 */
function withCaFile(result: ConfigLoadResult, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): ConfigLoadResult {
  if (!result.ok || !result.config.api.caFile) return result;
  const caFile = path.resolve(path.dirname(result.path), result.config.api.caFile);
  const bundle = loadCaBundle(caFile, read);
  if (!bundle.ok) return { ok: false, path: result.path, problems: [`api.caFile: ${bundle.problem}`] };
  return { ...result, config: { ...result.config, api: { ...result.config.api, caFile } } };
}

/** Parses and validates the text of a config file; `file` is only used in messages. */
export function parseKioskConfigText(text: string, file: string): ConfigLoadResult {
  // Notepad on Windows saves UTF-8 with a BOM; JSON.parse refuses it.
  const clean = text.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(clean);
  } catch (err) {
    return { ok: false, path: file, problems: [jsonProblem(clean, err)] };
  }
  return validateConfigObject(raw, file);
}

/** Validates a config already read as JSON (the local file's, or one combined with the fleet's layers). */
export function validateConfigObject(raw: unknown, file: string): ConfigLoadResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, path: file, problems: ['Файл настроек должен содержать объект JSON: { … }'] };
  }
  const parsed = KioskConfigSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, path: file, problems: parsed.error.issues.map((i) => describeIssue(i, raw)) };
  }
  return { ok: true, config: parsed.data, path: file, source: 'file', raw: raw as Record<string, unknown>, warnings: unknownKeyWarnings(raw) };
}

/**
 * The whole check a config file gets at start, for a config that is not one file: the fleet's
 * layers laid on the local file (core/fleet-config). `file` is the local file, from whose folder
 * a relative api.caFile is read.
 */
export function checkConfigObject(raw: unknown, file: string, read?: (file: string) => string): ConfigLoadResult {
  return withCaFile(validateConfigObject(raw, file), read);
}
