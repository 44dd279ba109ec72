// Starts memory-child.ts in a Node process of its own with --expose-gc, bounded in time.
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface MemoryResult {
  checkpoints: Array<{ sessions: number; heapMB: number; rssMB: number }>;
  print: number[];
  session: number[];
}

export function runMemoryChild(env: { simUrl: string; printerPort: number; sessions: number }, timeoutMs: number): Promise<MemoryResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.resolve('scripts/bench/memory-child.ts')], {
      env: { ...process.env, BENCH_SIM_URL: env.simUrl, BENCH_PRINTER_PORT: String(env.printerPort), BENCH_SESSIONS: String(env.sessions) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`memory child ${signal ? `killed (${signal}, over ${timeoutMs} ms)` : `exited ${code}`}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as MemoryResult);
      } catch {
        reject(new Error(`memory child: unreadable output ${out.slice(0, 200)}`));
      }
    });
  });
}
