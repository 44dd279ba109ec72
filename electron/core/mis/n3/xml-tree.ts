// XML in and out for the SOAP adapter. Out: fast-xml-parser's builder (maintained, dependency-
// free, already a kiosk dependency), which escapes text and keeps element order, as SOAP/WCF
// needs: WCF reads parameters by position AND name. No XML is ever made by string
// concatenation. In: xml-reader.ts, linear in the message's length and under limits, with
// namespaces resolved, so a reply is read by namespace URI + local name, never by whatever
// prefix the server chose.
import { XMLBuilder } from 'fast-xml-parser';
import { readXml, XmlError, XmlLimitError, XSI, type XNode } from './xml-reader';

export { XmlError, XmlLimitError, XSI, type XNode };

/** What to build: a prefixed name and a value; null = `i:nil="true"`, an array = child elements. */
export interface XEl {
  name: string;
  value: string | number | boolean | null | XEl[];
  attrs?: Record<string, string>;
}

export const el = (name: string, value: XEl['value'], attrs?: Record<string, string>): XEl => ({ name, value, attrs });

type Ordered = Record<string, unknown>;

const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

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

/** Parses a document and resolves every element's namespace. DTDs are refused (SOAP forbids them). */
export function parseXml(text: string): XNode {
  return readXml(text);
}

export const kids = (n: XNode | undefined, ns: string, name: string): XNode[] =>
  n ? n.children.filter((c) => c.ns === ns && c.name === name) : [];
export const kid = (n: XNode | undefined, ns: string, name: string): XNode | undefined => kids(n, ns, name)[0];
/** Text of a child; null when absent or nil. */
export function kidText(n: XNode | undefined, ns: string, name: string): string | null {
  const c = kid(n, ns, name);
  return !c || c.nil ? null : c.text;
}
