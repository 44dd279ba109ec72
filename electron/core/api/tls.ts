// Trust for the MIS https connection. Verification is never switched off; a clinic whose MIS
// uses its own certificate authority names that CA's PEM file in `api.caFile`, and it is
// added to Node's built-in roots. NODE_EXTRA_CA_CERTS is no answer: a packaged Electron build
// ignores NODE_OPTIONS-style environment, so the file is read here and handed to the agent.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

export type CaBundleResult =
  | { ok: true; ca: string[]; fromFile: number }
  | { ok: false; problem: string };

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Node's default roots plus every certificate in `file`. Problems are Russian and name the
 * file, for the technician who set `api.caFile`.
 */
export function loadCaBundle(file: string, read: (f: string) => string = (f) => readFileSync(f, 'utf8')): CaBundleResult {
  let text: string;
  try {
    text = read(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    const why =
      code === 'ENOENT' ? 'файл не найден'
      : code === 'EACCES' || code === 'EPERM' ? 'нет прав на чтение'
      : code === 'EISDIR' ? 'это папка, а не файл'
      : `не удаётся прочитать (${code ?? 'неизвестная ошибка'})`;
    return { ok: false, problem: `сертификат УЦ МИС ${file}: ${why}` };
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    return {
      ok: false,
      problem: `в файле ${file} нет сертификатов в формате PEM (нужны блоки «-----BEGIN CERTIFICATE-----»; двоичный .cer/.der сначала преобразуйте в PEM)`,
    };
  }
  for (const [i, pem] of blocks.entries()) {
    try {
      new X509Certificate(pem);
    } catch {
      return { ok: false, problem: `в файле ${file} сертификат №${i + 1} повреждён и не читается` };
    }
  }
  return { ok: true, ca: [...rootCertificates, ...blocks], fromFile: blocks.length };
}

/** The agent for the MIS: the given trust list, or Node's defaults when none is given. */
export function misHttpsAgent(ca: readonly string[] | undefined): https.Agent {
  return new https.Agent({ keepAlive: true, ...(ca ? { ca: [...ca] } : {}) });
}

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

/** A technician-readable sentence for a TLS failure code, or null if `code` is not one. */
export function describeTlsFailure(code: string | undefined): string | null {
  if (!code) return null;
  if (UNTRUSTED.has(code)) {
    return `МИС предъявила сертификат, которому инфомат не доверяет (${code}); если у МИС свой удостоверяющий центр, укажите его сертификат в api.caFile`;
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return `сертификат МИС просрочен или ещё не действует (${code}); проверьте дату и время на инфомате`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `сертификат МИС выдан на другое имя (${code}); api.baseUrl должен содержать то имя сервера, на которое выдан сертификат`;
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('CERT_')) {
    return `ошибка TLS при подключении к МИС (${code})`;
  }
  return null;
}
