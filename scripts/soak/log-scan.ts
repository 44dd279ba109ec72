// Reads what the kiosk wrote since the last look (its rotating JSON-lines logs and its console),
// following each file by inode so a rotation (infomat.log → infomat.log.1) is neither missed nor
// read twice, and counts render errors reported by the error boundary and MIS tokens.
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ScanResult {
  rendererErrors: number;
  tokensFound: number;
  bytes: number;
}

const TOKEN_RUN = /[A-Za-z0-9_-]{20,}/g;

/** Tokens (32 base64url characters) found in `text`, inside longer runs of such characters too. */
export function findTokens(text: string, tokens: ReadonlySet<string>, length = 32): number {
  if (tokens.size === 0) return 0;
  let found = 0;
  for (const m of text.matchAll(TOKEN_RUN)) {
    const run = m[0];
    for (let i = 0; i + length <= run.length; i++) if (tokens.has(run.slice(i, i + length))) found++;
  }
  return found;
}

export class LogScanner {
  /** inode → bytes already read. */
  private readonly offsets = new Map<number, number>();

  constructor(
    private readonly dirs: readonly string[],
    private readonly files: readonly string[] = [],
  ) {}

  private candidates(): string[] {
    const out = [...this.files];
    for (const dir of this.dirs) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const n of names) if (/\.log(\.\d+)?$/.test(n)) out.push(path.join(dir, n));
    }
    return out;
  }

  scan(tokens: ReadonlySet<string>): ScanResult {
    const r: ScanResult = { rendererErrors: 0, tokensFound: 0, bytes: 0 };
    for (const file of this.candidates()) {
      let fd: number;
      try {
        if (!statSync(file).isFile()) continue;
        fd = openSync(file, 'r');
      } catch {
        continue;
      }
      try {
        const st = fstatSync(fd);
        let from = this.offsets.get(st.ino) ?? 0;
        if (from > st.size) from = 0; // truncated or a new file on a reused inode
        const len = st.size - from;
        if (len <= 0) continue;
        const buf = Buffer.alloc(len);
        readSync(fd, buf, 0, len, from);
        // Only whole lines; the rest next time.
        const lastNl = buf.lastIndexOf(0x0a);
        if (lastNl < 0) continue;
        const chunk = buf.subarray(0, lastNl + 1).toString('utf8');
        this.offsets.set(st.ino, from + lastNl + 1);
        r.bytes += lastNl + 1;
        r.rendererErrors += chunk.match(/"event":"renderer\.error"/g)?.length ?? 0;
        r.tokensFound += findTokens(chunk, tokens);
      } finally {
        closeSync(fd);
      }
    }
    return r;
  }
}
