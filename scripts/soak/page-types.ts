// The little of the DOM the soak's in-page functions touch, typed here because the Node
// project's tsconfig has no DOM library (adding it would retype every timer in electron/).
// Used as `(globalThis as unknown as PageGlobal).document` inside page.evaluate callbacks;
// only types are imported, so nothing of this file reaches the page.
export interface PageRect {
  left: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export interface PageEl {
  disabled?: boolean;
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): PageEl | null;
  contains(other: unknown): boolean;
  getBoundingClientRect(): PageRect;
  getClientRects(): { length: number };
  scrollIntoView(opts?: { block?: string }): void;
}

export interface PageDoc {
  querySelector(selector: string): PageEl | null;
  querySelectorAll(selector: string): Iterable<PageEl>;
  elementFromPoint(x: number, y: number): PageEl | null;
  createTreeWalker(root: PageEl, whatToShow: number): { nextNode(): unknown };
}

export interface PageGlobal {
  document: PageDoc;
  innerHeight: number;
  kiosk: Record<string, (input: object) => Promise<unknown>>;
}
