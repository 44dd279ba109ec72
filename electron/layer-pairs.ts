// The layer table (layers.mjs) read pair by pair: for every layer and every other layer or
// guarded package, is the import banned, and with which reason. The boundary test proves each
// verdict against the lint; the doc generator lists them.
import { LAYERS, PACKAGES, type Ban, type Layer } from './layers.mjs';

export interface Target {
  id: string;
  /** How the doc names it: the folder below electron/, or the package. */
  label: string;
  /** A real module of it, as the boundary test imports it. */
  sample: string;
  /** Layers only: where it lives. */
  folder?: string;
}

export interface Pair {
  layer: Layer;
  target: Target;
  /** The ban this import falls under, or null when it is allowed. */
  ban: Ban | null;
  /** What the developer reads in the lint message when it is banned. */
  reason: string | null;
}

export const layerLabel = (layer: Pick<Layer, 'folder'>): string => layer.folder.replace(/^electron\//, '');

export const TARGETS: readonly Target[] = [
  ...LAYERS.map((l) => ({ id: l.id, label: `\`${layerLabel(l)}\``, sample: l.sample, folder: l.folder })),
  ...PACKAGES.map((p) => ({ id: p.id, label: p.label, sample: p.sample })),
];

const byId = new Map<string, Target>(TARGETS.map((t) => [t.id, t]));

export function target(id: string): Target {
  const t = byId.get(id);
  if (!t) throw new Error(`layers.mjs names an unknown layer or package: ${id}`);
  return t;
}

/** `inner` is `outer` or lives inside it. */
export const within = (inner: Target, outer: Target): boolean =>
  inner.id === outer.id || Boolean(inner.folder && outer.folder && inner.folder.startsWith(`${outer.folder}/`));

function whyNot(id: string): string | null {
  return [...LAYERS, ...PACKAGES].find((t) => t.id === id)?.whyNot ?? null;
}

/** The verdict for one import: a ban on the target, or on a layer the target is nested in. */
export function pair(layer: Layer, to: Target): Pair {
  for (const ban of layer.bans) {
    const via = ban.targets.map(target).find((t) => within(to, t));
    if (via) return { layer, target: to, ban, reason: ban.message ?? whyNot(via.id) };
  }
  return { layer, target: to, ban: null, reason: null };
}

/** Every layer against every other layer and every guarded package. */
export function allPairs(): Pair[] {
  return LAYERS.flatMap((layer) => TARGETS.filter((t) => t.id !== layer.id).map((t) => pair(layer, t)));
}
