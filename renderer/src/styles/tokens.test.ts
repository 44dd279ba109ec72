// Raw values live in tokens.css only: every other stylesheet must use its custom properties.
import { describe, expect, it } from 'vitest';

// Read from disk: the renderer's tsconfig has no Node types and Vitest empties imported CSS, so
// node:fs is loaded by a name the type checker does not resolve.
const FS = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ FS)) as { readFileSync(p: URL, enc: 'utf8'): string };
const here = (import.meta as unknown as { url: string }).url;
const read = (file: string) => readFileSync(new URL(`./${file}`, here), 'utf8');

// Every stylesheet main.tsx imports after tokens.css.
const sheets = ['base.css', 'components.css', 'screens.css', 'service.css', 'reach.css'];
const SHEETS: Record<string, string> = Object.fromEntries(sheets.map((f) => [f, read(f)]));
const tokens = read('tokens.css');

// CSS named colours (transparent and currentcolor are not palette values and stay allowed).
const NAMED =
  'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen'.split(' ');
const RAW_COLOUR = new RegExp(`#[0-9a-f]{3,8}\\b|\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\(|(?<![\\w-])(?:${NAMED.join('|')})(?![\\w-])`, 'i');

/** Each declaration's value with its property and line, comments removed. */
function declarations(css: string): { prop: string; value: string; line: number }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  const out: { prop: string; value: string; line: number }[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*([-\w]+)\s*:\s*(.+?);?\s*$/.exec(l);
    if (m && !l.includes('{')) out.push({ prop: m[1]!.toLowerCase(), value: m[2]!, line: i + 1 });
  });
  return out;
}

describe('style tokens', () => {
  it('reads the stylesheets as text', () => {
    for (const css of [...Object.values(SHEETS), tokens]) expect(css.length).toBeGreaterThan(500);
    expect(RAW_COLOUR.test(tokens)).toBe(true);
  });

  it.each(sheets)('%s has no raw colour', (file) => {
    const bad = declarations(SHEETS[file]!)
      .filter((d) => RAW_COLOUR.test(d.value))
      .map((d) => `${file}:${d.line} ${d.prop}: ${d.value}`);
    expect(bad).toEqual([]);
  });

  it.each(sheets)('%s takes font sizes and touch heights from the scale', (file) => {
    const bad = declarations(SHEETS[file]!)
      .filter(
        (d) =>
          (d.prop === 'font-size' && !/^var\(--font-[\w-]+\)$/.test(d.value)) ||
          (d.prop === 'min-height' && /\d+px/.test(d.value) && !/^var\(--touch-[\w-]+\)$/.test(d.value)),
      )
      .map((d) => `${file}:${d.line} ${d.prop}: ${d.value}`);
    expect(bad).toEqual([]);
  });

  it('catches a raw colour when there is one', () => {
    for (const v of ['#fff', 'rgba(0, 0, 0, 0.3)', 'white', '2px solid red', 'hsl(0 0% 0%)']) expect(RAW_COLOUR.test(v)).toBe(true);
    for (const v of ['var(--text)', 'transparent', 'currentColor', 'nowrap', 'var(--on-accent)']) expect(RAW_COLOUR.test(v)).toBe(false);
  });
});
