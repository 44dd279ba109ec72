// XML in and out for the SOAP adapter, on fast-xml-parser (a maintained, dependency-free,
// pure-JS parser and builder; already a kiosk dependency). It escapes text when building and
// keeps element order when parsing (preserveOrder), which SOAP/WCF needs: WCF reads parameters
// by position AND name. Namespaces are resolved here (fast-xml-parser keeps prefixes as
// written), so a reply is read by namespace URI + local name, never by whatever prefix the
// server chose. No XML is ever made by string concatenation.
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** An element with its namespace resolved. */
export interface XNode {
  ns: string;
  name: string;
  /** Attributes by their written name (`i:nil`, `xml:lang`). */
  attrs: Record<string, string>;
  /** xsi:nil="true". */
  nil: boolean;
  /** Concatenated text content (trimmed). */
  text: string;
  children: XNode[];
}

/** What to build: a prefixed name and a value; null = `i:nil="true"`, an array = child elements. */
export interface XEl {
  name: string;
  value: string | number | boolean | null | XEl[];
  attrs?: Record<string, string>;
}

export const el = (name: string, value: XEl['value'], attrs?: Record<string, string>): XEl => ({ name, value, attrs });

type Ordered = Record<string, unknown>;

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

function toOrdered(e: XEl, nilAttr: string): Ordered {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.attrs ?? {})) attrs[`@_${k}`] = v;
  let content: Ordered[];
  if (e.value === null) {
    attrs[`@_${nilAttr}`] = 'true';
    content = [];
  } else if (Array.isArray(e.value)) {
    content = e.value.map((c) => toOrdered(c, nilAttr));
  } else {
    content = [{ '#text': String(e.value) }];
  }
  const node: Ordered = { [e.name]: content };
  if (Object.keys(attrs).length) node[':@'] = attrs;
  return node;
}

/**
 * Serialises one root element. `nilAttr` is the prefixed name of xsi:nil as declared by the
 * caller on an ancestor (`i:nil`).
 */
export function buildXml(root: XEl, nilAttr = 'i:nil'): string {
  return '<?xml version="1.0" encoding="utf-8"?>' + builder.build([toOrdered(root, nilAttr)]);
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

/** Parses a document and resolves every element's namespace. DTDs are refused (SOAP forbids them). */
export function parseXml(text: string): XNode {
  if (/<!DOCTYPE/i.test(text)) throw new XmlError('a DTD in the message (SOAP messages must not carry one)');
  let ordered: Ordered[];
  try {
    ordered = parser.parse(text) as Ordered[];
  } catch (e) {
    throw new XmlError(`not well-formed XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const roots = ordered.map((o) => resolve(o, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]))).filter((n): n is XNode => n !== null);
  if (roots.length !== 1) throw new XmlError(`expected one root element, found ${roots.length}`);
  return roots[0]!;
}

function resolve(o: Ordered, inherited: Map<string, string>): XNode | null {
  const key = Object.keys(o).find((k) => k !== ':@' && !k.startsWith('?') && k !== '#text' && k !== '#comment');
  if (!key) return null;
  const rawAttrs = (o[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(inherited);
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) {
    const name = k.slice(2);
    attrs[name] = v;
    if (name === 'xmlns') scope.set('', v);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), v);
  }
  const [prefix, local] = key.includes(':') ? [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)] : ['', key];
  const ns = scope.get(prefix);
  if (ns === undefined && prefix !== '') throw new XmlError(`undeclared namespace prefix ${prefix}: on <${key}>`);
  const content = (o[key] ?? []) as Ordered[];
  const children: XNode[] = [];
  let text = '';
  for (const c of content) {
    if ('#text' in c) text += String(c['#text']);
    else {
      const n = resolve(c, scope);
      if (n) children.push(n);
    }
  }
  const nil = Object.entries(attrs).some(([k, v]) => {
    const i = k.indexOf(':');
    return i > 0 && k.slice(i + 1) === 'nil' && scope.get(k.slice(0, i)) === XSI && v.trim() === 'true';
  });
  return { ns: ns ?? '', name: local, attrs, nil, text: text.trim(), children };
}

export const kids = (n: XNode | undefined, ns: string, name: string): XNode[] =>
  n ? n.children.filter((c) => c.ns === ns && c.name === name) : [];
export const kid = (n: XNode | undefined, ns: string, name: string): XNode | undefined => kids(n, ns, name)[0];
/** Text of a child; null when absent or nil. */
export function kidText(n: XNode | undefined, ns: string, name: string): string | null {
  const c = kid(n, ns, name);
  return !c || c.nil ? null : c.text;
}
