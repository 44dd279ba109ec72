// Reach mode's geometry («Для инвалидной коляски», issue 21): where the screen hangs and how high a
// seated patient reaches. The screen turns these into the share of its height that is in reach.
// Defaults: a 32-inch portrait panel (about 0.71 m of picture), its lower edge 0.8 m above the
// floor, and a side reach from a wheelchair of about 1.2 m (ГОСТ Р 51671-2020 counts on no more).
import { z } from 'zod';

export const ReachConfigSchema = z
  .object({
    offered: z
      .boolean()
      .default(true)
      .describe('Показывать пациенту кнопку «Для инвалидной коляски» на первом экране (только при вертикальной ориентации: горизонтальный экран и так весь в пределах досягаемости)'),
    pictureHeightM: z
      .number()
      .min(0.2)
      .max(2.5)
      .default(0.71)
      .describe('Высота изображения экрана в метрах (видимая часть, без рамки): 32 дюйма вертикально — 0,71; 43 дюйма — 0,95; 55 дюймов — 1,21'),
    bottomEdgeM: z
      .number()
      .min(0)
      .max(2)
      .default(0.8)
      .describe('На какой высоте от пола нижний край изображения, м'),
    maxReachM: z
      .number()
      .min(0.6)
      .max(1.6)
      .default(1.2)
      .describe('До какой высоты от пола дотягивается человек в инвалидной коляске, м: выше в режиме «Для инвалидной коляски» кнопок нет'),
  })
  .superRefine((r, ctx) => {
    if (r.maxReachM <= r.bottomEdgeM + 0.1) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxReachM'],
        message: 'досягаемая высота должна быть хотя бы на 0,1 м выше нижнего края экрана (screen.reach.bottomEdgeM), иначе до кнопок не дотянуться',
      });
    }
  })
  .describe('Режим «Для инвалидной коляски»: все кнопки — в нижней части экрана, до которой дотягивается сидящий человек');

export type ReachConfig = z.infer<typeof ReachConfigSchema>;
