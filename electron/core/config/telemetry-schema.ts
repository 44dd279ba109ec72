// The telemetry section of the config (Prometheus metrics). Its own file so the central schema
// gains one line; the describe() texts are what a technician reads in docs/configuration.md.
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** This computer only (127.0.0.0/8, ::1, also when written as ::ffff:127.0.0.1). */
export function isLoopbackIp(ip: string): boolean {
  const family = isIP(ip);
  return family !== 0 && LOOPBACK.check(ip, family === 6 ? 'ipv6' : 'ipv4');
}

export const TelemetryConfigSchema = z
  .object({
    metricsPort: z
      .number()
      .int()
      .min(0)
      .max(65535)
      .optional()
      .describe('TCP-порт страницы метрик Prometheus (GET /metrics), например 9464; не указан — метрики выключены'),
    metricsHost: z
      .string()
      .refine((h) => isIP(h) !== 0, 'адрес для метрик — IP-адрес, например 127.0.0.1 или адрес инфомата в сети поликлиники')
      .default('127.0.0.1')
      .describe(
        'На каком адресе слушать метрики: 127.0.0.1 — только этот компьютер; адрес в сети поликлиники — чтобы Prometheus мог их собирать (тогда обязателен bearerToken, а шифрование TLS ставится перед инфоматом — обратный прокси)',
      ),
    bearerToken: z
      .string()
      .min(16, 'токен для метрик — не короче 16 символов')
      .max(256)
      .regex(/^[\x21-\x7e]+$/, 'токен для метрик — латинские буквы, цифры и знаки без пробелов')
      .optional()
      .describe(
        'Если задан, Prometheus должен присылать заголовок Authorization: Bearer <токен>, иначе ответ 401. Обязателен, когда metricsHost — не 127.0.0.1',
      ),
    probeSeconds: z
      .number()
      .int()
      .min(1)
      .max(3600)
      .default(30)
      .describe('Как часто проверять принтер и доступность МИС для метрик, секунд'),
  })
  .strict()
  .superRefine((t, ctx) => {
    // Metrics on the clinic's network say when a kiosk stands idle and which version it runs;
    // anyone on that network could read them, so they are served there only behind a token.
    // Switched off (no port), the address harms nothing.
    if (t.metricsPort !== undefined && !isLoopbackIp(t.metricsHost) && !t.bearerToken) {
      ctx.addIssue({
        code: 'custom',
        path: ['bearerToken'],
        message: `метрики открыты в сеть (metricsHost ${t.metricsHost}) без токена: задайте telemetry.bearerToken (не короче 16 символов, тот же — в настройках Prometheus) и поставьте перед инфоматом TLS (обратный прокси), или оставьте metricsHost 127.0.0.1`,
      });
    }
  })
  .describe('Метрики для Prometheus (мониторинг парка инфоматов)');
