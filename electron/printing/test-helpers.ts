// Shared by the printing tests: temp folders, a config for a local port, a recording logger.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { PrinterConfigSchema, type PrinterConfig } from '../core/config/schema';
import type { Logger } from '../core/ports';

// Every temp folder of a test file lives under one root, removed after that file's tests
// (this module is evaluated once per test file, so the hook lands on the file's suite).
let root: Promise<string> | null = null;
afterAll(async () => {
  if (root) await rm(await root, { recursive: true, force: true });
  root = null;
});
export const tempDir = async (prefix: string): Promise<string> =>
  mkdtemp(path.join(await (root ??= mkdtemp(path.join(os.tmpdir(), 'infomat-printing-test-'))), `${prefix}-`));

export function tcpConfig(port: number, extra: Record<string, unknown> = {}): PrinterConfig {
  return PrinterConfigSchema.parse({ transport: { type: 'tcp', host: '127.0.0.1', port, timeoutMs: 1000 }, ...extra });
}

export interface LogEntry {
  level: keyof Logger;
  event: string;
  data?: Record<string, unknown>;
}

export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: keyof Logger) => (event: string, data?: Record<string, unknown>) => void entries.push({ level, event, data });
  return { entries, info: at('info'), warn: at('warn'), error: at('error'), audit: at('audit') };
}
