// The shape of a catalogue and how a message is looked up. The Russian catalogue defines the
// shape; every other language is typed against it, so a missing key or a parameter of another
// type is a compile error (and catalog.test.ts checks the same at run time).
import type { ru } from './ru';

export type Catalog = typeof ru;
export type MessageId = keyof Catalog;

/** The parameters a message takes; `never` for a plain string. */
export type ParamsOf<K extends MessageId> = Catalog[K] extends (p: infer P) => string ? P : never;
type ArgsOf<K extends MessageId> = [ParamsOf<K>] extends [never] ? [] : [ParamsOf<K>];

/**
 * A message not yet put into words: what the core and the screens' logic return instead of a
 * finished sentence, so the words are chosen where the language is known.
 */
export type Msg = { [K in MessageId]: [ParamsOf<K>] extends [never] ? { id: K } : { id: K; params: ParamsOf<K> } }[MessageId];

export function msg<K extends MessageId>(id: K, ...params: ArgsOf<K>): Msg {
  return (params.length ? { id, params: params[0] } : { id }) as Msg;
}

export interface Translate {
  <K extends MessageId>(id: K, ...params: ArgsOf<K>): string;
  /** A message descriptor (Msg) in this language. */
  msg(m: Msg): string;
}

export function translator(catalog: Catalog): Translate {
  const lookup = (id: MessageId, params?: unknown): string => {
    const entry = catalog[id] as string | ((p: unknown) => string) | undefined;
    if (typeof entry === 'function') return entry(params ?? {});
    return entry ?? id;
  };
  const t = ((id: MessageId, params?: unknown) => lookup(id, params)) as Translate;
  t.msg = (m) => lookup(m.id, 'params' in m ? m.params : undefined);
  return t;
}
