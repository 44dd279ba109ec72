// The telemetry section of the config (Prometheus metrics). Its own file so the central schema
// gains one line; the describe() texts are what a technician reads in docs/configuration.md.
import { isIP } from 'node:net';
import { z } from 'zod';

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
      .describe('На каком адресе слушать метрики: 127.0.0.1 — только этот компьютер; адрес в сети поликлиники — чтобы Prometheus мог их собирать'),
    bearerToken: z
      .string()
      .min(16, 'токен для метрик — не короче 16 символов')
      .max(256)
      .regex(/^[\x21-\x7e]+$/, 'токен для метрик — латинские буквы, цифры и знаки без пробелов')
      .optional()
      .describe('Если задан, Prometheus должен присылать заголовок Authorization: Bearer <токен>, иначе ответ 401'),
    probeSeconds: z
      .number()
      .int()
      .min(1)
      .max(3600)
      .default(30)
      .describe('Как часто проверять принтер и доступность МИС для метрик, секунд'),
  })
  .strict()
  .describe('Метрики для Prometheus (мониторинг парка инфоматов)');
