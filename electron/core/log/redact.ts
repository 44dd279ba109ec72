// Everything the logger writes passes through `redact`: policy numbers are masked to their last
// four digits, secrets are dropped by key and by shape (Bearer …, JWT), birth dates are dropped.
// The MIS's free text (a SOAP fault, an error description) can carry anything about a person, so
// a person's full name, a SNILS, a phone number and a written date (dd.mm.yyyy) are hidden too.
// Callers are not supposed to pass these at all; this is the net under them.

const SECRET_KEY = /token|authori[sz]ation|password|passw?d|secret|cookie|credential|api[-_]?key|^pin$|pinhash|^birth|birthdate|^cod$/i;
/**
 * 16 digits (optionally grouped by 4 with spaces or dashes), not part of a longer number.
 * Applied outside GUIDs only: `…-8000-000000000002` ends a clinic GUID, not a policy.
 */
const POLICY = /(?<![\d])(\d{4})[ -]?(\d{4})[ -]?(\d{4})[ -]?(\d{4})(?![\d])/g;
/** A GUID (8-4-4-4-12 hex): an identifier of a clinic, doctor, referral or ticket, never personal. */
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/** key=value / "key": "value" pairs inside free text (URLs, error messages). */
const INLINE_SECRET = /((?:token|codToken|access_token|password|authorization|secret)["']?\s*[:=]\s*["']?)([^\s"'&,;}]+)/gi;
/** СНИЛС: 123-456-789 01 (or 12345678901 after «СНИЛС»). */
const SNILS = /\b\d{3}-\d{3}-\d{3}[ -]\d{2}\b|(СНИЛС\D{0,3})\d{11}\b/gi;
/** Russian phone numbers: +7 / 8, then ten digits in any grouping. */
const PHONE = /(?<![\d])(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?![\d])/g;
/** A date as people write it (a birth date in an MIS message); ISO dates are the kiosk's own and stay. */
const WRITTEN_DATE = /(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d])/g;
/** A full name with its patronymic (…вич, …вна, оглы, кызы): «Сидоров Алексей Николаевич». */
const FULL_NAME = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]*(?:вич|вна|чна|ична|инична|оглы|кызы)(?![а-яё])/g;

export const REDACTED = '[hidden]';
const MAX_DEPTH = 8;
const MAX_STRING = 4000;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function redactString(s: string): string {
  let out = s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}…` : s;
  out = out.replace(BEARER, `$1 ${REDACTED}`);
  out = out.replace(JWT, REDACTED);
  out = out.replace(INLINE_SECRET, `$1${REDACTED}`);
  out = out.replace(SNILS, (m, label: string | undefined) => (label ? `${label}${REDACTED}` : REDACTED));
  out = out.replace(FULL_NAME, REDACTED).replace(WRITTEN_DATE, REDACTED).replace(PHONE, REDACTED);
  // GUIDs are kept whole: the policy rule runs only on the text between them.
  let masked = '';
  let last = 0;
  for (const m of out.matchAll(GUID)) {
    masked += maskPolicies(out.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return masked + maskPolicies(out.slice(last));
}

function maskPolicies(s: string): string {
  return s.replace(POLICY, (_m, _a, _b, _c, d: string) => `••••${d}`);
}

/** A deep, cycle-safe copy of `value` that is safe to write to a log file. */
export function redact(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value).toString().length === 16 ? redactString(String(value)) : value;
  }
  if (typeof value === 'bigint') return redactString(value.toString());
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  }
  if (seen.has(value)) return '[cycle]';
  if (depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  try {
    if (value instanceof Error) {
      const out: Record<string, unknown> = { name: value.name, message: redactString(value.message) };
      if (value.stack) out.stack = redactString(value.stack);
      const code = (value as { code?: unknown }).code;
      if (code !== undefined) out.code = walk(code, depth + 1, seen);
      return out;
    }
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.slice(0, 200).map((v) => walk(v, depth + 1, seen));
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (isSecretKey(k)) continue;
      const w = walk(v, depth + 1, seen);
      if (w !== undefined) out[redactString(k)] = w;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
