// The SOAP reader: what it reads (namespaces by scope, nil, text, references, CDATA), what it
// refuses as not well-formed, and each limit as its own error. Time on hostile shapes is in
// hostile-hub.test.ts.
import { describe, expect, it } from 'vitest';
import { readXml, XML_LIMITS, XmlError, XmlLimitError, XSI, type XNode } from './xml-reader';

const refused = (xml: string, limits = XML_LIMITS): XmlError => {
  try {
    readXml(xml, limits);
  } catch (e) {
    if (e instanceof XmlError) return e;
    throw e;
  }
  throw new Error('read without an error');
};
const names = (n: XNode): string[] => n.children.map((c) => `{${c.ns}}${c.name}`);

describe('reading', () => {
  it('resolves prefixes by scope: a redeclaration holds inside its element only, the default namespace likewise', () => {
    const root = readXml(
      '<?xml version="1.0"?><!-- c --><r xmlns="urn:d" xmlns:p="urn:1"><p:a xmlns:p="urn:2"><p:b/></p:a><p:c/><d xmlns=""><e/></d><f/></r>',
    );
    expect([root.ns, root.name]).toEqual(['urn:d', 'r']);
    expect(names(root)).toEqual(['{urn:2}a', '{urn:1}c', '{}d', '{urn:d}f']);
    expect(names(root.children[0]!)).toEqual(['{urn:2}b']);
    expect(names(root.children[2]!)).toEqual(['{}e']);
  });

  it('reads xsi:nil by namespace, whatever the prefix, and keeps attributes by their written name', () => {
    const root = readXml(`<r xmlns:x="${XSI}" xmlns:i="urn:not-xsi"><a x:nil="true"/><b i:nil="true"/><c x:nil=" true " xml:lang="ru"/></r>`);
    expect(root.children.map((c) => c.nil)).toEqual([true, false, true]);
    expect(root.children[2]!.attrs).toEqual({ 'x:nil': 'true', 'xml:lang': 'ru' });
  });

  it('decodes the five entities and character references, keeps CDATA as is, normalises line ends, trims', () => {
    const root = readXml('<r><a> &lt;&gt;&amp;&quot;&apos; &#1078;&#x436;&#x1F600; </a><b><![CDATA[<x>&amp;]]></b><c>1\r\n2\r3</c></r>');
    expect(root.children.map((c) => c.text)).toEqual(['<>&"\' жж😀', '<x>&amp;', '1\n2\n3']);
  });

  it('an attribute named __proto__ is an attribute, not a prototype', () => {
    const a = readXml('<r __proto__="x" constructor="y"/>').attrs;
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(Object.entries(a)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
  });

  it('accepts a byte-order mark, trailing comments and processing instructions', () => {
    expect(readXml('\uFEFF<r/>\n<!-- end --><?pi x?>\n').name).toBe('r');
  });
});

describe('not well-formed: refused', () => {
  it.each([
    ['a DTD', '<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>', /a DTD in the message/],
    ['a lower-case doctype', '<!doctype r><r/>', /a DTD in the message/],
    ['an undeclared entity', '<r>&e;</r>', /entity other than the five/],
    ['a bare ampersand', '<r>a & b</r>', /entity other than the five/],
    ['a reference to a forbidden character', '<r>&#0;</r>', /character XML does not allow/],
    ['an undeclared element prefix', '<p:r/>', /undeclared namespace prefix p/],
    ['an undeclared attribute prefix', '<r p:a="1"/>', /undeclared namespace prefix p/],
    ['a prefix undeclared with ""', '<r xmlns:p=""/>', /empty namespace/],
    ['the xml prefix rebound', '<r xmlns:xml="urn:x"/>', /xml prefix/],
    ['a mismatched end tag', '<r><a></r></a>', /where <\/a> was expected/],
    ['an end tag without a start tag', '<r/></a>', /without a start tag/],
    ['an unclosed element', '<r><a>', /no end tag for <a>/],
    ['two roots', '<r/><s/>', /a second root element/],
    ['no root', '<!-- nothing -->', /found 0/],
    ['text outside the root', '<r/>x', /text outside the root/],
    ['an attribute twice', '<r a="1" a="2"/>', /attribute a twice/],
    ['an unquoted attribute', '<r a=1/>', /unquoted value/],
    ['an attribute without a value', '<r a/>', /without a value/],
    ['"<" in an attribute value', '<r a="<"/>', /"<" in the value/],
    ['attributes not separated', '<r a="1"b="2"/>', /no space before an attribute/],
    ['a start tag without a name', '<r>< a/></r>', /without a name/],
    ['an unterminated comment', '<r><!-- </r>', /unterminated comment/],
    ['an unterminated CDATA section', '<r><![CDATA[ </r>', /unterminated CDATA/],
    ['a markup declaration', '<r><!ELEMENT r ANY></r>', /markup declaration/],
  ])('%s', (_what, xml, message) => {
    const e = refused(xml);
    expect(e).not.toBeInstanceOf(XmlLimitError);
    expect(e.message).toMatch(message);
  });
});

describe('limits', () => {
  const small = { maxElements: 5, maxDepth: 3, maxAttributesPerElement: 3, maxNamespacesPerElement: 2, maxNamespacesPerDocument: 3 };
  it.each([
    ['elements', '<r><a/><a/><a/><a/><a/></r>', '<r><a/><a/><a/><a/></r>', /more than 5 elements/],
    ['depth', '<r><a><b><c/></b></a></r>', '<r><a><b/></a></r>', /more than 3 levels/],
    ['attributes on one element', '<r a="1" b="2" c="3" d="4"/>', '<r a="1" b="2" c="3"/>', /more than 3 attributes/],
    ['declarations on one element', '<r xmlns:a="u" xmlns:b="u" xmlns:c="u"/>', '<r xmlns:a="u" xmlns:b="u"/>', /more than 2 namespace declarations on one element/],
    ['declarations in the message', '<r xmlns:a="u"><s xmlns:b="u"/><s xmlns:c="u"/><s xmlns:d="u"/></r>', '<r xmlns:a="u"><s xmlns:b="u"/><s xmlns:c="u"/></r>', /more than 3 namespace declarations in the message/],
  ])('%s: one over is a limit error, at the limit reads', (_what, over, at, message) => {
    const e = refused(over, small);
    expect(e).toBeInstanceOf(XmlLimitError);
    expect(e.message).toMatch(message);
    expect(() => readXml(at, small)).not.toThrow();
  });

  it('the defaults leave room for a big hub answer: 45 000 elements, 12 levels, a few namespaces', () => {
    const visit = '<a:V><a:X i:nil="true"/><a:Y>1</a:Y><a:Z><a:W>2</a:W></a:Z></a:V>';
    let deep = '';
    for (let d = 0; d < 7; d++) deep = `<a:L>${deep}</a:L>`;
    const xml = `<s:E xmlns:s="urn:s"><s:B><R xmlns="urn:t"><a:Res xmlns:a="urn:a" xmlns:i="${XSI}">${visit.repeat(9000)}${deep}</a:Res></R></s:B></s:E>`;
    const root = readXml(xml);
    expect(root.children[0]!.children[0]!.children[0]!.children).toHaveLength(9001);
  });
});
