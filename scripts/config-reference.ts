// Prints a Markdown reference of every kiosk config field, generated from the zod schema
// (via z.toJSONSchema, which carries the `describe()` texts). Usage:
//   npx tsx scripts/config-reference.ts                 → stdout
//   npx tsx scripts/config-reference.ts --out docs/configuration.md
import { writeFileSync } from 'node:fs';
import { configJsonSchema, isGuidNode, type JsonSchema } from '../electron/core/config/technician-messages';

type Node = JsonSchema;

type Row = { path: string; type: string; def: string; desc: string };

const code = (v: unknown) => `\`${JSON.stringify(v)}\``;

function typeOf(n: Node): string {
  if (n.const !== undefined) return code(n.const);
  if (n.enum) return n.enum.map(code).join(' \\| ');
  const branches = n.oneOf ?? n.anyOf;
  if (branches) return branches.map(typeOf).join(' \\| ');
  const t = Array.isArray(n.type) ? n.type.join(' | ') : n.type ?? 'any';
  const bounds: string[] = [];
  if (n.minimum !== undefined || n.maximum !== undefined) bounds.push(`${n.minimum ?? '…'}–${n.maximum ?? '…'}`);
  if (n.minLength !== undefined || n.maxLength !== undefined) bounds.push(`длина ${n.minLength ?? 0}–${n.maxLength ?? '…'}`);
  if (isGuidNode(n)) bounds.push('GUID');
  if (n.format === 'uri') bounds.push('URL');
  const name = { integer: 'целое', number: 'число', string: 'строка', boolean: 'true/false', object: 'раздел', array: 'список' }[t] ?? t;
  if (t === 'array' && n.items) return `список (${typeOf(n.items)})`;
  return bounds.length ? `${name} (${bounds.join(', ')})` : name;
}

function walk(n: Node, path: string, rows: Row[], required: boolean): void {
  const branches = n.oneOf ?? n.anyOf;
  const isObject = n.properties !== undefined || Boolean(branches?.every((b) => b.properties));
  if (path) {
    rows.push({
      path,
      type: n.properties ? 'раздел' : isObject ? 'раздел, один из вариантов ниже' : typeOf(n),
      def: n.default !== undefined && !isObject ? code(n.default) : required ? '**обязательно**' : n.default !== undefined ? 'см. поля' : '—',
      desc: n.description ?? '',
    });
  }
  if (n.properties) {
    for (const [k, child] of Object.entries(n.properties)) walk(child, path ? `${path}.${k}` : k, rows, Boolean(n.required?.includes(k)) && child.default === undefined);
  }
  if (branches && branches.every((b) => b.properties)) {
    for (const b of branches) {
      const tag = b.properties?.type?.const;
      for (const [k, child] of Object.entries(b.properties ?? {})) {
        if (k === 'type') continue;
        walk(child, `${path}.${k} (type = ${JSON.stringify(tag)})`, rows, Boolean(b.required?.includes(k)) && child.default === undefined);
      }
    }
  }
}

export function configReferenceMarkdown(): string {
  const rows: Row[] = [];
  walk(configJsonSchema() as Node, '', rows, false);
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const table = [
    '| Параметр | Тип / значения | По умолчанию | Что это |',
    '|---|---|---|---|',
    ...rows.map((r) => `| \`${r.path}\` | ${r.type} | ${r.def} | ${esc(r.desc)} |`),
  ].join('\n');
  return `# Настройки инфомата (config.json)

<!-- Сгенерировано: npx tsx scripts/config-reference.ts --out docs/configuration.md — не править руками. -->

Один файл JSON на машину:

| ОС | Путь |
|---|---|
| Windows | \`%ProgramData%\\Infomat\\config.json\` (обычно \`C:\\ProgramData\\Infomat\\config.json\`) |
| Linux | \`/etc/infomat/config.json\` |
| macOS | \`/Library/Application Support/Infomat/config.json\` |

Переменная окружения \`INFOMAT_CONFIG\` задаёт другой путь.

- **Файла нет.** В установленной программе инфомат показывает служебный экран «Файл настроек не найден» с путём,
  где его ждут. При запуске из исходников (\`npm start\`) или с ключом \`--demo\` вместо этого включается
  демонстрационный режим (встроенный симулятор МИС и виртуальный принтер), и в журнал пишется строка об этом.
- **Файл с ошибкой** (не JSON, неверный тип, значение вне диапазона, лишний параметр в корне) — инфомат не
  запускает запись, а показывает служебный экран со списком ошибок, например:
  «printer.transport.port: ожидается целое число от 1 до 65535 без кавычек (TCP-порт принтера, обычно 9100)».
  Неизвестные параметры внутри разделов не мешают запуску, но пишутся в журнал как предупреждения.
- Файл можно сохранять в UTF-8 с BOM (Блокнот Windows) — это допустимо.

Минимальный рабочий пример:

\`\`\`json
{
  "kioskId": "KIOSK-01",
  "api": { "baseUrl": "https://mis.example.ru/api" },
  "printer": { "transport": { "type": "tcp", "host": "192.168.1.50", "port": 9100 } }
}
\`\`\`

Демонстрационный режим: \`{ "demo": true }\`.

## Все параметры

${table}
`;
}

const outIdx = process.argv.indexOf('--out');
const md = configReferenceMarkdown();
if (outIdx >= 0 && process.argv[outIdx + 1]) {
  writeFileSync(process.argv[outIdx + 1] as string, md);
  console.log(`written ${process.argv[outIdx + 1]}`);
} else if (process.argv[1]?.endsWith('config-reference.ts')) {
  process.stdout.write(md);
}
