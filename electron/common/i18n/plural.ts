// Plural forms through the platform's CLDR rules (Intl.PluralRules), so each language states
// only its own forms: Russian «1 талон, 2 талона, 5 талонов», English «1 slot, 2 slots».
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

const rules = new Map<string, Intl.PluralRules>();

export function plural(tag: string, n: number, forms: PluralForms): string {
  let r = rules.get(tag);
  if (!r) {
    r = new Intl.PluralRules(tag);
    rules.set(tag, r);
  }
  return forms[r.select(n)] ?? forms.other;
}
