// What both simulator CLIs (SoftRust REST, N3 SOAP) share: checked --port/--now, a clean stop
// on Ctrl-C (a second one exits at once), and one line on a bad argument.

export function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port: ${raw}`);
  return port;
}

export function checkNow(raw: string | undefined): string | undefined {
  if (raw !== undefined && Number.isNaN(Date.parse(raw))) throw new Error(`bad --now: ${raw}`);
  return raw;
}

export function closeOnSignals(close: () => Promise<void>): void {
  let closing = false;
  const stop = (): void => {
    if (closing) process.exit(1);
    closing = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function runCli(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
