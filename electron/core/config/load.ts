// Loading the machine-wide kiosk configuration. No Electron here: the shell, the browser host
// and the tests all call `loadKioskConfig`. Problems are phrased for the technician who edits
// the file: «printer.transport.port: ожидается целое число от 1 до 65535 (TCP-порт принтера,
// обычно 9100)», never a stack trace.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { KioskConfigSchema, type KioskConfig } from './schema';
import { loadCaBundle } from '../api/tls';

export type ConfigSource = 'file' | 'missing';

export type ConfigLoadResult =
  | {
      ok: true;
      config: KioskConfig;
      /** Where the file was looked for (also when it was missing). */
      path: string;
      source: ConfigSource;
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
function withCaFile(result: ConfigLoadResult, read: (file: string) => string): ConfigLoadResult {
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
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, path: file, problems: ['Файл настроек должен содержать объект JSON: { … }'] };
  }
  const parsed = KioskConfigSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, path: file, problems: parsed.error.issues.map((i) => describeIssue(i, raw)) };
  }
  return { ok: true, config: parsed.data, path: file, source: 'file', warnings: unknownKeyWarnings(raw) };
}

// ---------- messages ----------

export type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  default?: unknown;
};

let cachedJsonSchema: JsonSchema | null = null;
/** The config schema as JSON Schema (descriptions, bounds, enums), for messages and docs. */
export function configJsonSchema(): JsonSchema {
  cachedJsonSchema ??= z.toJSONSchema(KioskConfigSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return cachedJsonSchema;
}

/** «printer.transport.port», «clinics[0]». */
export function formatPath(p: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of p) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** Finds the JSON-schema node for a path; picks the union branch that matches the input. */
function nodeAt(p: readonly PropertyKey[], input: unknown): JsonSchema | null {
  let node: JsonSchema | undefined = configJsonSchema();
  let value: unknown = input;
  for (const seg of p) {
    if (!node) return null;
    node = pickBranch(node, value);
    if (typeof seg === 'number') node = node.items;
    else node = node.properties?.[String(seg)];
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[seg] : undefined;
  }
  return node ? pickBranch(node, value) : null;
}

function pickBranch(node: JsonSchema, value: unknown): JsonSchema {
  const branches = node.oneOf ?? node.anyOf;
  if (!branches) return node;
  const type = value !== null && typeof value === 'object' ? (value as Record<string, unknown>).type : undefined;
  const byType = branches.find((b) => b.properties?.type?.const === type);
  const merged: JsonSchema = { ...(byType ?? branches[0] ?? {}) };
  if (!merged.description && node.description) merged.description = node.description;
  return merged;
}

const typeNames: Record<string, string> = {
  string: 'строка в кавычках',
  number: 'число',
  int: 'целое число',
  integer: 'целое число',
  boolean: 'true или false',
  object: 'раздел { … }',
  array: 'список [ … ]',
  null: 'null',
};

function expectation(node: JsonSchema | null): string | null {
  if (!node) return null;
  if (node.enum) return `ожидается одно из: ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const t = Array.isArray(node.type) ? node.type[0] : node.type;
  if (t === 'integer' || t === 'number') {
    const what = t === 'integer' ? 'целое число' : 'число';
    if (node.minimum !== undefined && node.maximum !== undefined) return `ожидается ${what} от ${node.minimum} до ${node.maximum}`;
    if (node.minimum !== undefined) return `ожидается ${what} не меньше ${node.minimum}`;
    if (node.maximum !== undefined) return `ожидается ${what} не больше ${node.maximum}`;
    return `ожидается ${what}`;
  }
  if (t === 'string') {
    if (node.format === 'uuid') return 'ожидается GUID вида 01234567-89ab-4cde-8f01-23456789abcd';
    if (node.format === 'uri') return 'ожидается адрес вида https://…';
    if (node.minLength && node.maxLength) return `ожидается строка длиной от ${node.minLength} до ${node.maxLength} символов`;
    if (node.minLength) return 'ожидается непустая строка';
    return 'ожидается строка в кавычках';
  }
  if (t) return `ожидается ${typeNames[t] ?? t}`;
  return null;
}

const hasCyrillic = (s: string) => /[а-яё]/i.test(s);

export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = formatPath(issue.path);
  const node = nodeAt(issue.path, input);
  let text: string;
  switch (issue.code) {
    case 'unrecognized_keys':
      text =
        issue.keys.length === 1
          ? `лишний параметр «${issue.keys[0]}» — такого нет (проверьте написание)`
          : `лишние параметры ${issue.keys.map((k) => `«${k}»`).join(', ')} — таких нет (проверьте написание)`;
      return where ? `${where}: ${text}` : `${text}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      text = options ? `ожидается одно из: ${options.map((o) => JSON.stringify(o)).join(', ')}` : expectation(node) ?? 'недопустимое значение';
      break;
    }
    case 'invalid_type': {
      const received = valueAt(input, issue.path);
      text =
        received === undefined
          ? `параметр обязателен, ${expectation(node) ?? `ожидается ${typeNames[issue.expected] ?? issue.expected}`}`
          : expectation(node) ?? `ожидается ${typeNames[issue.expected] ?? issue.expected}`;
      if (received !== undefined && typeof received === 'string' && (issue.expected === 'number' || issue.expected === 'int')) {
        text += ' без кавычек';
      }
      break;
    }
    case 'invalid_value':
      text = `ожидается одно из: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    default:
      text = hasCyrillic(issue.message) ? issue.message : expectation(node) ?? issue.message;
  }
  const description = node?.description;
  return `${where || '(весь файл)'}: ${text}${description ? ` (${description})` : ''}`;
}

function valueAt(input: unknown, p: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const seg of p) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** Keys the schema does not know inside sections (the top level is strict and fails instead). */
function unknownKeyWarnings(input: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, node: JsonSchema | undefined, p: PropertyKey[]) => {
    if (!node || value === null || typeof value !== 'object') return;
    const branch = pickBranch(node, value);
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, branch.items, [...p, i]));
      return;
    }
    if (!branch.properties) return;
    for (const [k, v] of Object.entries(value)) {
      const child = branch.properties[k];
      if (!child) {
        if (p.length > 0) out.push(`${formatPath([...p, k])}: неизвестный параметр, он не учитывается (проверьте написание)`);
        continue;
      }
      walk(v, child, [...p, k]);
    }
  };
  walk(input, configJsonSchema(), []);
  return out;
}

function jsonProblem(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(message);
  if (m) {
    const pos = Number(m[1]);
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    return `Файл настроек — не JSON: ошибка в строке ${line}, позиции ${column} (проверьте запятые, кавычки и скобки рядом)`;
  }
  if (/end of JSON input/i.test(message)) return 'Файл настроек — не JSON: файл обрывается (не хватает закрывающей скобки?)';
  return 'Файл настроек — не JSON: проверьте запятые, кавычки и скобки';
}

function describeFsError(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'нет прав на чтение';
    case 'EISDIR':
      return 'это папка, а не файл';
    default:
      return code ?? 'неизвестная ошибка';
  }
}
