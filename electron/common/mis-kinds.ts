// The MIS kinds the kiosk has an adapter for (config api.kind). Common code, so the config, the
// demo, the e2e stack, the scripts and the screens all name the same list.
export const MIS_KINDS = ['softrust', 'n3'] as const;
export type MisKind = (typeof MIS_KINDS)[number];

export function isMisKind(value: unknown): value is MisKind {
  return (MIS_KINDS as readonly unknown[]).includes(value);
}
