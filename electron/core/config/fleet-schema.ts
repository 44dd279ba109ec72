// The fleet section of the config (central configuration from the region's server). Its own
// file so the central schema gains one line; the describe() texts are what a technician reads
// in docs/configuration.md. This section is read from the kiosk's own config.json only: a
// document from the server may not set it (core/fleet-config/layers.ts, LOCAL_ONLY).
import { z } from 'zod';
import { isLoopbackHost } from '../api/loopback';
import { LAYER_ID } from '../fleet-config/layers';

export const FleetConfigSchema = z
  .object({
    url: z
      .string()
      .url('адрес центральной конфигурации должен начинаться с https://')
      .refine((u) => {
        const url = new URL(u);
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
      }, 'адрес центральной конфигурации должен начинаться с https://')
      .optional()
      .describe(
        'Адрес папки центральной конфигурации на сервере региона (там лежат fleet.json, clinics/<поликлиника>.json, kiosks/<номер инфомата>.json, подписанные ключом конфигурации), например https://updates.example.ru/infomat/config; не указан — инфомат работает только по этому файлу',
      ),
    clinic: z
      .string()
      .regex(LAYER_ID, 'код поликлиники — латинские буквы, цифры, точка, дефис, подчёркивание (до 64 знаков)')
      .optional()
      .describe('Код поликлиники на сервере конфигурации: её настройки берутся из clinics/<код>.json; не указан — только общие настройки и настройки инфомата'),
    checkMinutes: z.number().int().min(1).max(1440).default(10).describe('Как часто проверять, не изменилась ли центральная конфигурация, минут'),
    trialSeconds: z
      .number()
      .int()
      .min(10)
      .max(3600)
      .default(180)
      .describe(
        'Сколько секунд после перезапуска с новой конфигурацией ждать, что МИС отвечает и принтер готов (если они были в порядке до неё); не дождался — инфомат возвращается к прежней конфигурации',
      ),
  })
  .strict()
  .describe('Центральная конфигурация: общие настройки парка, поликлиники и инфомата с сервера региона, подписанные и проверенные перед применением');

export type FleetConfig = z.infer<typeof FleetConfigSchema>;
