// The policy scanner's configuration (see README «Сканер полиса»).
import { z } from 'zod';

const usbId = z.string().regex(/^[0-9a-fA-F]{4}$/, 'четыре шестнадцатеричные цифры, например 0c2e');

export const ScannerConfigSchema = z
  .object({
    type: z
      .enum(['none', 'serial', 'keyboard'])
      .default('none')
      .describe('Сканер полиса: none — нет; serial — 2D-сканер в режиме виртуального COM-порта (USB CDC) или RS-232, читает бумажный полис; keyboard — сканер в режиме клавиатуры, только цифры (номер полиса)'),
    path: z.string().min(1).optional().describe('Порт сканера для serial: /dev/ttyACM0 в Linux, COM3 в Windows'),
    vendorId: usbId.optional().describe('Или USB Vendor ID сканера (например 0c2e — Honeywell, 05e0 — Zebra/Symbol, 1eab — Newland): порт найдётся, даже если сменится номер'),
    productId: usbId.optional().describe('USB Product ID сканера, вместе с vendorId'),
    baudRate: z.number().int().min(1200).max(921600).default(9600).describe('Скорость порта для serial (для USB CDC не важна), бод'),
    place: z
      .enum(['below', 'right', 'left'])
      .default('below')
      .describe('Где на корпусе окно сканера, для картинки на первом экране «поднесите полис к сканеру»: below — под экраном, right — справа от экрана, left — слева'),
    frameGapMs: z
      .number()
      .int()
      .min(20)
      .max(2000)
      .default(100)
      .describe('Пауза в данных со сканера, после которой код считается считанным целиком, мс'),
  })
  .superRefine((s, ctx) => {
    if (s.type !== 'serial') return;
    if (!s.path && !(s.vendorId && s.productId)) {
      ctx.addIssue({ code: 'custom', path: ['path'], message: 'для сканера serial укажите path или vendorId и productId' });
    }
  })
  .describe('Сканер полиса ОМС');
export type ScannerConfig = z.infer<typeof ScannerConfigSchema>;
