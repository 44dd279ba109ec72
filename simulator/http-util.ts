// Request parsing shared by the handlers. Inputs are matched case-insensitively (the API's
// own tables are PascalCase while its JSON is camelCase), outputs are always camelCase.
import type { IncomingHttpHeaders } from 'node:http';
import { SimError } from './errors';

export interface Ctx {
  method: string;
  /** Normalised path: single slashes, no trailing slash, prefix removed, original case. */
  path: string;
  segments: string[];
  /** Query parameters under lower-cased names; repeated keys keep every value. */
  query: Map<string, string[]>;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface Reply {
  status: number;
  /** undefined → empty body. */
  body?: unknown;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });

export function parseQuery(search: URLSearchParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of search) {
    const key = k.toLowerCase();
    const list = out.get(key) ?? [];
    list.push(v);
    out.set(key, list);
  }
  return out;
}

export function q1(ctx: Ctx, key: string): string | undefined {
  const v = ctx.query.get(key.toLowerCase())?.[0];
  return v === undefined ? undefined : v.trim();
}

/** All values of a repeatable parameter; also splits comma lists (`status=Active,Used`). */
export function qAll(ctx: Ctx, key: string): string[] {
  return (ctx.query.get(key.toLowerCase()) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function header(ctx: Ctx, name: string): string | undefined {
  const v = ctx.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  return !/^(false|0|no)$/i.test(v);
}

/** The JSON object body with lower-cased keys; anything else is a 4000. */
export function jsonBody(ctx: Ctx): Map<string, unknown> {
  let parsed: unknown;
  try {
    parsed = ctx.rawBody ? JSON.parse(ctx.rawBody) : undefined;
  } catch {
    throw new SimError('4000');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SimError('4000');
  return new Map(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]));
}

export function bodyString(body: Map<string, unknown>, key: string): string | undefined {
  const v = body.get(key.toLowerCase());
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

export const sameGuid = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
