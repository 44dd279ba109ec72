// `--check`: the figures of one run against bench/budgets.json. A figure that could not be
// measured (NaN, missing) fails too: a check that silently skips is no check.
import { readFileSync } from 'node:fs';

export interface Budget {
  max: number;
  unit: string;
  what: string;
}

export type Budgets = Record<string, Budget>;

export function loadBudgets(file: string): Budgets {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const out: Budgets = {};
  for (const [key, v] of Object.entries(raw)) {
    if (key.startsWith('$')) continue;
    const b = v as Partial<Budget>;
    if (typeof b.max !== 'number' || !Number.isFinite(b.max)) throw new Error(`${file}: ${key}.max is not a number`);
    out[key] = { max: b.max, unit: String(b.unit ?? ''), what: String(b.what ?? key) };
  }
  return out;
}

export interface CheckLine {
  key: string;
  value: number | undefined;
  budget: Budget;
  ok: boolean;
}

export function checkBudgets(figures: Readonly<Record<string, number>>, budgets: Budgets): CheckLine[] {
  return Object.entries(budgets).map(([key, budget]) => {
    const value = figures[key];
    const ok = value !== undefined && Number.isFinite(value) && value <= budget.max;
    return { key, value, budget, ok };
  });
}

export function formatCheck(lines: readonly CheckLine[]): string {
  return lines
    .map(({ key, value, budget, ok }) => {
      const shown = value === undefined || !Number.isFinite(value) ? 'not measured' : `${round(value)} ${budget.unit}`;
      return `  ${ok ? 'ok  ' : 'OVER'} ${key.padEnd(28)} ${shown.padStart(14)}  ≤ ${round(budget.max)} ${budget.unit}   ${budget.what}`;
    })
    .join('\n');
}

const round = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
