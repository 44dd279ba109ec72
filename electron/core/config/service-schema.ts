// The service section of the config (the technician's service mode on the kiosk). Its own file
// so the central schema gains one line; the describe() texts are what a technician reads in
// docs/configuration.md.
import { z } from 'zod';
import { PIN_HASH_FORMAT } from '../service/pin';

export const ServiceConfigSchema = z
  .object({
    pinHash: z
      .string()
      .regex(PIN_HASH_FORMAT, 'pinHash — строка scrypt$…, которую печатает npx tsx scripts/service-pin-hash.ts (сам PIN сюда не пишется)')
      .optional()
      .describe(
        'Хэш PIN-кода служебного режима (scrypt с солью); получить: npx tsx scripts/service-pin-hash.ts (новый PIN — 6–8 цифр; хэш старого PIN из 4–5 цифр ещё действует). Не указан — служебный режим на этом инфомате недоступен',
      ),
    idleSeconds: z
      .number()
      .int()
      .min(30)
      .max(1800)
      .default(120)
      .describe('Через сколько секунд без касаний служебный режим закрывается и инфомат возвращается к экрану приветствия'),
    rollLengthM: z
      .number()
      .min(5)
      .max(500)
      .default(80)
      .describe('Длина рулона чековой ленты, м (для оценки, сколько талонов осталось после замены бумаги)'),
    slipLengthMm: z
      .number()
      .int()
      .min(40)
      .max(1000)
      .default(160)
      .describe('Длина одного талона на ленте, мм (вместе с отступом до отреза), для той же оценки'),
  })
  .strict()
  .describe('Служебный режим для техника: вход — пять касаний левого верхнего угла за 3 с и PIN-код');

export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;
