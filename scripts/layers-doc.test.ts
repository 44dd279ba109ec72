// docs/architecture.md cannot drift from the layer table or from the folders on disk: its
// generated sections are what electron/layers.mjs gives now, every layer folder at the top of
// electron/ has a row, and every entry of electron/core/ has a line in the room list.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_DOC, generatedSection, withGeneratedSections } from './layers-doc';

const doc = readFileSync(ARCHITECTURE_DOC, 'utf8');
const FIX = 'describe it in electron/layers.mjs, then run npm run docs:layers';

describe(ARCHITECTURE_DOC, () => {
  it('holds the generated sections as the layer table gives them now', () => {
    expect(doc, 'run npm run docs:layers').toBe(withGeneratedSections(doc));
  });

  it('has a row for every folder at the top of electron/', () => {
    const table = generatedSection(doc, 'layers');
    const folders = readdirSync('electron', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(table, `electron/${folder}/ is not a layer of the doc: ${FIX}`).toContain(`| \`electron/${folder}\` |`);
  });

  it('has a line for every room of electron/core/, and none for a room that is gone', () => {
    const rooms = readdirSync('electron/core', { withFileTypes: true })
      .filter((e) => e.isDirectory() || (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')))
      .map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
    const listed = [...generatedSection(doc, 'core-rooms').matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    for (const room of rooms) expect(listed, `electron/core/${room} has no line in the doc: ${FIX}`).toContain(room);
    for (const room of listed) expect(rooms, `the doc describes electron/core/${room}, which is not there`).toContain(room);
  });
});
