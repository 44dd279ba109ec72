// Every word the kiosk says comes from the catalogue (electron/common/i18n): a Cyrillic string in
// the renderer's or the kiosk's own source is a sentence that would not change with the language.
// Allowed: the catalogue itself, the typographer's rules, MIS wire values and data, and the
// technician's configuration reference (below, each with its reason), and a literal whose
// statement carries an `i18n-ok: <why>` comment. Regular expressions are rules, not words.
// Comments are free to quote the screens.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CYRILLIC = /[А-Яа-яЁё]/;

/** Files whose Cyrillic is not the kiosk's sentences, and why. */
const ALLOWED: Record<string, string> = {
  'electron/common/i18n/ru.ts': 'the Russian catalogue',
  'electron/common/i18n/ru-numerals.ts': 'the Russian catalogue\'s numbers, dates and times in words (voice guidance)',
  'electron/common/typograph.ts': 'the typographer\'s rules: Russian abbreviations, units and month names',
  'electron/core/scan/six-bit.ts': 'the paper policy barcode\'s six-bit alphabet (a wire format)',
  'electron/printing/sample-slips.ts': 'MIS data of the sample slips (docs, tests)',
  // The technician's configuration reference: field descriptions and problems worded for the
  // clinic's IT staff, rendered to docs/configuration.md and the broken-configuration page.
  'electron/core/config/schema.ts': 'technician reference (config field descriptions)',
  'electron/core/config/scanner-schema.ts': 'technician reference (config field descriptions)',
  'electron/core/config/service-schema.ts': 'technician reference (config field descriptions)',
  'electron/core/config/telemetry-schema.ts': 'technician reference (config field descriptions)',
  'electron/core/config/updates-schema.ts': 'technician reference (config field descriptions)',
  'electron/core/config/voice-schema.ts': 'technician reference (config field descriptions)',
  'electron/core/config/reach-schema.ts': 'technician reference (config field descriptions)',
  'electron/core/config/fleet-schema.ts': 'technician reference (config field descriptions)',
  'electron/core/config/technician-messages.ts': 'technician reference (configuration problems)',
  'electron/core/config/load.ts': 'technician reference (configuration file problems)',
  'electron/core/api/tls.ts': 'technician diagnostics of the MIS certificate (configuration problems)',
  'electron/core/fs/private-dir.ts': 'technician diagnostics of the data folders (start-up problems)',
  'electron/compose/boot.ts': 'the technician\'s one-line refusal of a demo start on a production build',
  'electron/host/run-host.ts': 'the technician\'s console line about a broken configuration',
};

/** Source the check covers: the kiosk's own code that ships (tests, demo and test backends aside). */
function files(): string[] {
  const all = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'electron', 'renderer'], { encoding: 'utf8' }).split('\n');
  return all.filter(
    (f) =>
      /\.(ts|tsx|js|mjs)$/.test(f) &&
      !/\.test\.(ts|tsx)$/.test(f) &&
      !/(^|\/)(test-helpers\.ts|__fixtures__\/|testing\/)/.test(f) &&
      !f.startsWith('electron/demo/') &&
      !f.startsWith('electron/printing/virtual/') &&
      !f.endsWith('.d.ts'),
  );
}

interface Stray {
  file: string;
  line: number;
  text: string;
}

/** The statement a node belongs to: its `i18n-ok:` comment may sit on its first line. */
function statementOf(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent) && !ts.isModuleBlock(n.parent)) n = n.parent;
  return n;
}

function strays(file: string): Stray[] {
  const text = readFileSync(file, 'utf8');
  if (!CYRILLIC.test(text)) return [];
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const lines = text.split('\n');
  const marked = (node: ts.Node) => {
    const at = (n: ts.Node) => lines[source.getLineAndCharacterOfPosition(n.getStart(source)).line] ?? '';
    return /i18n-ok:/.test(at(node)) || /i18n-ok:/.test(at(statementOf(node)));
  };
  const out: Stray[] = [];
  const visit = (node: ts.Node) => {
    const literal =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node);
    if (literal && CYRILLIC.test(node.text) && !marked(node)) {
      out.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.text.trim().slice(0, 60) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('no patient- or technician-facing word outside the catalogue', () => {
  const covered = files();

  it('covers the renderer, the shell, the host, the core and printing', () => {
    for (const dir of ['renderer/src/', 'renderer/boot/', 'electron/main/', 'electron/host/', 'electron/core/', 'electron/printing/', 'electron/common/']) {
      expect(covered.some((f) => f.startsWith(dir)), dir).toBe(true);
    }
    for (const f of Object.keys(ALLOWED)) expect(covered, `${f} is allowed but not covered (moved?)`).toContain(f);
  });

  it('finds no Cyrillic string literal outside the catalogue and the allowed files', () => {
    const found = covered.filter((f) => !ALLOWED[f]).flatMap(strays);
    expect(found.map((s) => `${s.file}:${s.line} «${s.text}»`)).toEqual([]);
  });

  it('index.html carries no words of its own: the title and language come from the catalogue at build', () => {
    const html = readFileSync(path.join('renderer', 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect(html).not.toMatch(CYRILLIC);
  });

  it('the check sees what it should: a sentence in code fails, a marked wire value and a regular expression pass', () => {
    const probe = (code: string) => {
      const source = ts.createSourceFile('probe.tsx', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      let hits = 0;
      const lines = code.split('\n');
      const visit = (node: ts.Node) => {
        const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateTail(node) || ts.isJsxText(node);
        const line = lines[source.getLineAndCharacterOfPosition(statementOf(node).getStart(source)).line] ?? '';
        if (literal && CYRILLIC.test(node.text) && !/i18n-ok:/.test(line)) hits++;
        ts.forEachChild(node, visit);
      };
      visit(source);
      return hits;
    };
    expect(probe("const a = 'Записаться';")).toBe(1);
    expect(probe('const a = <b>Назад</b>;')).toBe(1);
    expect(probe('const a = `Шаг ${n}`;')).toBe(1);
    expect(probe("const re = /^[А-Я]$/;")).toBe(0);
    expect(probe("const wire = { reason: 'Отмена' }; // i18n-ok: a wire value")).toBe(0);
    expect(probe('// «Начать заново» in a comment\nconst a = 1;')).toBe(0);
  });
});
