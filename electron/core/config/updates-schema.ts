// The updates section of the config (electron-updater, generic provider). Its own file so the
// central schema gains one line.
import { z } from 'zod';
import { isLoopbackHost } from '../api/loopback';

const HM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const UpdatesConfigSchema = z
  .object({
    url: z
      .string()
      .url('адрес обновлений должен начинаться с https://')
      .refine((u) => {
        const url = new URL(u);
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
      }, 'адрес обновлений должен начинаться с https:// (обновление программы по http можно подменить)')
      .optional()
      .describe('Адрес папки с обновлениями на сервере (там лежат latest.yml и установщики), например https://updates.example.ru/infomat; не указан — автообновление выключено'),
    channel: z
      .string()
      .regex(/^[a-z0-9-]{1,32}$/, 'канал — латинские строчные буквы, цифры и дефис')
      .default('latest')
      .describe('Канал обновлений: latest (рабочий) или, например, beta для пробных инфоматов'),
    maintenanceWindow: z
      .object({
        start: z.string().regex(HM, 'время в виде ЧЧ:ММ').default('02:00').describe('Начало окна обслуживания (время поликлиники), ЧЧ:ММ'),
        end: z.string().regex(HM, 'время в виде ЧЧ:ММ').default('05:00').describe('Конец окна обслуживания, ЧЧ:ММ'),
      })
      .refine((w) => w.start !== w.end, 'начало и конец окна обслуживания совпадают')
      .prefault({})
      .describe('Когда инфомату можно перезапуститься для установки обновления (не чаще раза за ночь, только без пациента)'),
    checkMinutes: z.number().int().min(10).max(1440).default(60).describe('Как часто проверять, есть ли новая версия, минут'),
  })
  .strict()
  .describe('Автообновление программы');
