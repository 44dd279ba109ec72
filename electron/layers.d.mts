// The shape of electron/layers.mjs for the TypeScript that reads it (the boundary test, the
// doc generator); the field meanings are in that file's opening comment.

export interface Ban {
  readonly targets: readonly string[];
  readonly message?: string;
  readonly patterns?: readonly string[];
  readonly regex?: string;
  readonly except?: readonly string[];
  readonly typesAllowed?: boolean;
}

export interface Layer {
  readonly id: string;
  readonly folder: string;
  readonly files: readonly string[];
  readonly exempt?: { readonly files: readonly string[]; readonly why: string };
  readonly importedAs?: readonly string[];
  readonly whyNot: string | null;
  readonly sample: string;
  readonly bans: readonly Ban[];
  readonly why: string;
  readonly rooms?: Readonly<Record<string, string>>;
}

export interface Package {
  readonly id: string;
  readonly label: string;
  readonly sample: string;
  /** Banned as this exact module name (no-restricted-imports `paths`). */
  readonly path?: string;
  readonly whyNot?: string;
  readonly importedAs?: readonly string[];
}

export declare const EXEMPT: readonly string[];
export declare const PACKAGES: readonly Package[];
export declare const LAYERS: readonly Layer[];
