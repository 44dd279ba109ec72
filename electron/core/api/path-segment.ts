// Every URL path the MIS client builds goes through `misPath`, so a GUID that came from the
// renderer can never climb out of its segment. encodeURIComponent alone leaves `.` and `..`
// as they are, and servers and proxies resolve those (`directions/../../auth/...`) before
// routing; `%` is refused too, because some front ends decode twice. This guard stays even
// though the bridge contract only lets canonical GUIDs through: the client must not depend on it.
import { ApiError } from './api-error';

// Control characters (C0, DEL, C1) included: a CR/LF in a path is a request-splitting attempt.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\%?#\u0000-\u001f\u007f-\u009f]/;

/** One path segment, percent-encoded; throws a typed error (no request is sent) if unsafe. */
export function pathSegment(value: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..' || FORBIDDEN.test(value)) {
    throw new ApiError(
      'validation',
      null,
      null,
      null,
      'refused to build a MIS URL: a path segment is empty, a dot segment, or contains / \\ % ? # or a control character',
      'bad_path_segment',
    );
  }
  return encodeURIComponent(value);
}

/** Tagged template: `misPath\`/api/v2/directions/${guid}/lpu\`` with every value checked. */
export function misPath(strings: TemplateStringsArray, ...values: string[]): string {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += pathSegment(v) + (strings[i + 1] ?? '');
  });
  return out;
}
