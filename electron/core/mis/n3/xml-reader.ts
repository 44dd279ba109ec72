// Reads a SOAP message into a tree of namespace-resolved elements in one pass, in time linear in
// its length whatever its shape. A hub's answer is read synchronously after the body arrived, so
// the client's deadline cannot stop a slow read: a general-purpose parser (fast-xml-parser needs
// 0.5–2 s for some 2 MiB shapes) and a namespace scope copied per element (quadratic: 0.56 MB of
// prefixes over empty elements took 234 s) both let one answer freeze the kiosk. Here every
// scan moves forward only (indexOf within the part it belongs to, a sticky regular expression,
// a loop over character codes), namespaces are a stack per prefix (pushed by the element that
// declares, popped at its end tag), and the counts that cost memory are capped (XML_LIMITS).
//
// Only what SOAP 1.1 allows is read: elements, attributes, text, CDATA, comments, processing
// instructions; the five predefined entities and character references. A DTD is refused (SOAP
// forbids it), so no entity can be declared, let alone expanded; any other `&name;` is an error.
// The document must be well-formed: matching end tags, one root, quoted unique attributes.

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

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

export class XmlError extends Error {
  override readonly name: string = 'XmlError';
}

/** A message over one of the reader's limits: refused before it costs more time or memory. */
export class XmlLimitError extends XmlError {
  override readonly name = 'XmlLimitError';
}

export interface XmlLimits {
  maxElements: number;
  maxDepth: number;
  maxAttributesPerElement: number;
  maxNamespacesPerElement: number;
  maxNamespacesPerDocument: number;
}

/**
 * Far above any hub answer, far below what would hurt. A 2 MiB GetPatientHistory or
 * InspectDoctorsReferral2 answer holds about 45 000 elements, nested about 12 deep; the answers
 * in the hub's documentation and the simulator's declare 3–4 namespaces (on the envelope, the
 * response and the result) and carry at most 2 attributes on an element. The element cap bounds
 * the tree's memory (about 30 MB at the cap); the depth cap leaves nothing for a recursive walk
 * of the tree to overflow on; the namespace caps bound the bindings kept. Time needs no cap of
 * its own: it is linear in the size, which api.maxResponseBytes bounds.
 */
export const XML_LIMITS: Readonly<XmlLimits> = {
  maxElements: 100_000,
  maxDepth: 64,
  maxAttributesPerElement: 64,
  maxNamespacesPerElement: 32,
  maxNamespacesPerDocument: 4096,
};

// XML 1.0 names, without the astral planes (a hub's names are ASCII).
const NC_START = 'A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NC_CHAR = `${NC_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const NCNAME = `[${NC_START}][${NC_CHAR}]*`;
const QNAME_SOURCE = `${NCNAME}(?::${NCNAME})?`;
// The XML name classes hold combining marks and joiners on purpose: each is a name character alone.
/** A qualified name (prefix:local or local), matched where the reader stands. */
// eslint-disable-next-line no-misleading-character-class
const QNAME = new RegExp(QNAME_SOURCE, 'y');
/**
 * A whole well-formed attribute where the reader stands: space, name, =, quoted value without
 * "<". One match instead of a call per part, which a message of attributes feels; anything it
 * does not match is the end of the tag or an error, told apart by malformedAttribute().
 */
// eslint-disable-next-line no-misleading-character-class
const ATTRIBUTE = new RegExp(`[ \\t\\r\\n]+(${QNAME_SOURCE})[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const REFERENCE = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Shared by every element without attributes (most of them); never written to. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
/** Shared by every element without children until its first child (most are leaves); never written to. */
const NO_CHILDREN: XNode[] = Object.freeze([]) as unknown as XNode[];

interface Frame {
  node: XNode;
  qname: string;
  /** Prefixes this element bound, to unbind at its end tag. */
  bound: string[] | null;
}

/** Parses a document and resolves every element's namespace; see the file's head for what it refuses. */
export function readXml(s: string, limits: Readonly<XmlLimits> = XML_LIMITS): XNode {
  const n = s.length;
  const stack: Frame[] = [];
  /** prefix → its bindings, innermost last ('' is the default namespace). */
  const bindings = new Map<string, string[]>([['xml', [XML_NAMESPACE]]]);
  let root: XNode | null = null;
  let elements = 0;
  let declarations = 0;
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (what: string, at: number): never => {
    throw new XmlError(`not well-formed XML: ${what} at offset ${at}`);
  };
  const over = (what: string, limit: number, at: number): never => {
    throw new XmlLimitError(`over the XML limits: more than ${limit} ${what} at offset ${at}`);
  };
  // test(), not exec(): no match array per name, which a 2 MiB message would pay 100 000 times.
  const nameAt = (p: number): string | null => {
    QNAME.lastIndex = p;
    return QNAME.test(s) ? s.slice(p, QNAME.lastIndex) : null;
  };
  const spacesFrom = (p: number): number => {
    for (let c = s.charCodeAt(p); c === 0x20 || c === 0x9 || c === 0xa || c === 0xd; c = s.charCodeAt(++p));
    return p;
  };
  const resolve = (prefix: string): string | undefined => {
    const b = bindings.get(prefix);
    return b && b.length ? b[b.length - 1] : undefined;
  };

  /**
   * Character data (`raw`, found at `from`) with its references replaced and line ends
   * normalised. Searched within the slice: a search of the whole rest of the message per text
   * would be quadratic.
   */
  function chars(raw: string, from: number): string {
    let amp = raw.indexOf('&');
    if (amp < 0) return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    let out = '';
    let p = 0;
    for (; amp >= 0; amp = raw.indexOf('&', p)) {
      out += raw.slice(p, amp);
      REFERENCE.lastIndex = amp;
      const m = REFERENCE.exec(raw);
      if (!m) return fail('an entity other than the five predefined ones or a character reference (no DTD declares any)', from + amp);
      if (m[3] !== undefined) out += PREDEFINED[m[3]]!;
      else {
        const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
        if (!isXmlChar(code)) fail(`a reference to a character XML does not allow (${code})`, from + amp);
        out += String.fromCodePoint(code);
      }
      p = REFERENCE.lastIndex;
    }
    out += raw.slice(p);
    return out.includes('\r') ? out.replace(/\r\n?/g, '\n') : out;
  }

  function text(from: number, to: number): void {
    const top = stack[stack.length - 1];
    if (!top) {
      if (spacesFrom(from) < to) fail('text outside the root element', from);
      return;
    }
    top.node.text += chars(s.slice(from, to), from);
  }

  function startTag(at: number): number {
    const qname = nameAt(at + 1);
    if (!qname) return fail('a start tag without a name', at);
    if (++elements > limits.maxElements) over('elements', limits.maxElements, at);
    if (stack.length + 1 > limits.maxDepth) over('levels of nesting', limits.maxDepth, at);
    if (root && !stack.length) fail('a second root element', at);
    let attrs: Record<string, string> = NO_ATTRIBUTES;
    let count = 0;
    let declared: [string, string][] | null = null;
    /** Prefixed attributes other than declarations, resolved once this element's own declarations are in. */
    let prefixed: string[] | null = null;
    let p = at + 1 + qname.length;
    let selfClosing = false;
    for (;;) {
      ATTRIBUTE.lastIndex = p;
      const m = ATTRIBUTE.exec(s);
      if (!m) {
        const q = spacesFrom(p);
        if (s.charCodeAt(q) === 0x3e /* > */) {
          p = q + 1;
          break;
        }
        if (s.charCodeAt(q) === 0x2f /* / */ && s.charCodeAt(q + 1) === 0x3e) {
          p = q + 2;
          selfClosing = true;
          break;
        }
        return malformedAttribute(qname, at, p);
      }
      const q = m.index;
      const name = m[1]!;
      const raw = m[2] ?? m[3]!;
      p = ATTRIBUTE.lastIndex;
      if (++count > limits.maxAttributesPerElement) over('attributes on one element', limits.maxAttributesPerElement, q);
      if (attrs === NO_ATTRIBUTES) attrs = {};
      else if (Object.hasOwn(attrs, name)) fail(`attribute ${name} twice in <${qname}>`, q);
      // Trimmed, as the hub's attribute values always were read.
      const value = chars(raw, p - 1 - raw.length).trim();
      // A plain object's __proto__ is its prototype, not a key: that name, legal in XML, becomes an own property.
      if (name === '__proto__') Object.defineProperty(attrs, name, { value, enumerable: true, writable: true, configurable: true });
      else attrs[name] = value;
      const isDeclaration = name === 'xmlns' || name.startsWith('xmlns:');
      if (!isDeclaration && name.includes(':')) (prefixed ??= []).push(name);
      if (isDeclaration) {
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        if (prefix === 'xmlns' || value === XMLNS_NAMESPACE) fail('a declaration of the reserved xmlns namespace', q);
        if ((prefix === 'xml') !== (value === XML_NAMESPACE)) fail('the xml prefix bound to another namespace (or its namespace to another prefix)', q);
        if (prefix !== '' && value === '') fail(`prefix ${prefix} undeclared with an empty namespace (XML 1.0 namespaces do not allow it)`, q);
        declared ??= [];
        if (declared.length + 1 > limits.maxNamespacesPerElement) over('namespace declarations on one element', limits.maxNamespacesPerElement, q);
        if (++declarations > limits.maxNamespacesPerDocument) over('namespace declarations in the message', limits.maxNamespacesPerDocument, q);
        declared.push([prefix, value]);
      }
    }

    let bound: string[] | null = null;
    if (declared) {
      bound = [];
      for (const [prefix, uri] of declared) {
        const b = bindings.get(prefix);
        if (b) b.push(uri);
        else bindings.set(prefix, [uri]);
        bound.push(prefix);
      }
    }
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const ns = resolve(prefix);
    if (ns === undefined && prefix !== '') fail(`undeclared namespace prefix ${prefix}: on <${qname}>`, at);
    let nil = false;
    if (prefixed) for (const name of prefixed) {
      const c = name.indexOf(':');
      const uri = resolve(name.slice(0, c));
      if (uri === undefined) fail(`undeclared namespace prefix ${name.slice(0, c)}: on attribute ${name}`, at);
      if (uri === XSI && name.slice(c + 1) === 'nil' && attrs[name] === 'true') nil = true;
    }
    const node: XNode = { ns: ns ?? '', name: colon < 0 ? qname : qname.slice(colon + 1), attrs, nil, text: '', children: NO_CHILDREN };
    const parent = stack[stack.length - 1];
    if (!parent) root = node;
    else if (parent.node.children === NO_CHILDREN) parent.node.children = [node];
    else parent.node.children.push(node);
    if (selfClosing) unbind(bound);
    else stack.push({ node, qname, bound });
    return p;
  }

  /** Says what is wrong with the attribute at p, which ATTRIBUTE did not match. */
  function malformedAttribute(qname: string, at: number, p: number): never {
    const q = spacesFrom(p);
    if (q >= n) fail(`an unterminated start tag <${qname}>`, at);
    if (q === p) fail(`no space before an attribute in <${qname}>`, q);
    const name = nameAt(q);
    if (!name) return fail(`a malformed attribute in <${qname}>`, q);
    const eq = spacesFrom(q + name.length);
    if (s.charCodeAt(eq) !== 0x3d /* = */) fail(`attribute ${name} without a value in <${qname}>`, eq);
    const open = spacesFrom(eq + 1);
    const quote = s[open];
    if (quote !== '"' && quote !== "'") return fail(`attribute ${name} with an unquoted value in <${qname}>`, open);
    const close = s.indexOf(quote, open + 1);
    if (close < 0) fail(`attribute ${name} with an unterminated value`, open);
    return fail(`"<" in the value of attribute ${name}`, open + 1 + s.slice(open + 1, close).indexOf('<'));
  }

  function unbind(bound: string[] | null): void {
    if (bound) for (const prefix of bound) bindings.get(prefix)!.pop();
  }

  function endTag(at: number): number {
    const qname = nameAt(at + 2);
    if (!qname) return fail('an end tag without a name', at);
    const q = spacesFrom(at + 2 + qname.length);
    if (s.charCodeAt(q) !== 0x3e) fail(`an unterminated end tag </${qname}>`, at);
    const frame = stack.pop();
    if (!frame) return fail(`an end tag </${qname}> without a start tag`, at);
    if (frame.qname !== qname) fail(`the end tag </${qname}> where </${frame.qname}> was expected`, at);
    frame.node.text = frame.node.text.trim();
    unbind(frame.bound);
    return q + 1;
  }

  function closing(marker: string, from: number, what: string): number {
    const end = s.indexOf(marker, from);
    if (end < 0) fail(`an unterminated ${what}`, from);
    return end;
  }

  while (i < n) {
    const lt = s.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) text(i, end);
    if (lt < 0) break;
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 0x2f /* / */) i = endTag(lt);
    else if (c1 === 0x3f /* ? */) i = closing('?>', lt + 2, 'processing instruction') + 2;
    else if (s.startsWith('<!--', lt)) i = closing('-->', lt + 4, 'comment') + 3;
    else if (s.startsWith('<![CDATA[', lt)) {
      const top = stack[stack.length - 1];
      if (!top) fail('CDATA outside the root element', lt);
      const close = closing(']]>', lt + 9, 'CDATA section');
      const raw = s.slice(lt + 9, close);
      top!.node.text += raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
      i = close + 3;
    } else if (c1 === 0x21 /* ! */) {
      if (/^<!DOCTYPE/i.test(s.slice(lt, lt + 9))) throw new XmlError('a DTD in the message (SOAP messages must not carry one)');
      fail('a markup declaration', lt);
    } else i = startTag(lt);
  }
  if (stack.length) fail(`no end tag for <${stack[stack.length - 1]!.qname}>`, n);
  if (!root) throw new XmlError('expected one root element, found 0');
  return root;
}
