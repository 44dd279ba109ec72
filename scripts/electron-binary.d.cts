/** The Electron binary under `root`'s node_modules, or null when it was never downloaded. */
export declare function electronBinary(root?: string): string | null;
