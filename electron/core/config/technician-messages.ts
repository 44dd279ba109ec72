// Configuration problems in words a technician understands: «printer.transport.port: ожидается
// целое число от 1 до 65535 (TCP-порт принтера, обычно 9100)», never a zod dump or a stack trace.
// The loader (load.ts) reads and validates; this file only phrases what went wrong.
import { z } from 'zod';
import { GUID_PATTERN } from '../../common/calendar';
import { KioskConfigSchema } from './schema';

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
  pattern?: string;
  default?: unknown;
};

/** The schema's GUID fields carry the kiosk's GUID pattern (common/calendar.ts). */
export const isGuidNode = (node: JsonSchema): boolean => node.format === 'uuid' || node.pattern === GUID_PATTERN.source;

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
    if (isGuidNode(node)) return 'ожидается GUID вида 01234567-89ab-4cde-8f01-23456789abcd';
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
export function unknownKeyWarnings(input: unknown): string[] {
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

export function jsonProblem(text: string, err: unknown): string {
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

export function describeFsError(code: string | undefined): string {
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
