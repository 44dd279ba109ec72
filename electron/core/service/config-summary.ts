// What the service screen shows of the configuration. Built from an allow-list of fields, never
// by copying the config and deleting secrets: a secret field added later (a token, a password in
// a URL) stays off the screen until someone decides to show it. The PIN hash, the metrics bearer
// token, the N3 client token and the client application GUID are named as «задан», not shown.
import type { KioskConfig } from '../config/schema';

export interface SummaryItem {
  label: string;
  value: string;
}

/** An address without user:password, query or fragment (a token may ride in any of them). */
export function safeUrl(raw: string | undefined): string {
  if (!raw) return 'не задан';
  if (!URL.canParse(raw)) return 'задан (неверный адрес)';
  const u = new URL(raw);
  return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
}

const onOff = (b: boolean) => (b ? 'да' : 'нет');
const isSet = (v: unknown) => (v ? 'задан' : 'не задан');

function printerLine(c: KioskConfig): string {
  const p = c.printer;
  if (!p.enabled) return 'выключен';
  const t = p.transport;
  const where = t.type === 'tcp' ? `сеть ${t.host}:${t.port}` : t.type === 'device' ? `устройство ${t.path}` : `принтер ОС «${t.deviceName || 'по умолчанию'}»`;
  return `${p.profile}, ${where}`;
}

export function configSummary(c: KioskConfig, version: string): SummaryItem[] {
  const items: SummaryItem[] = [
    { label: 'Версия программы', value: version },
    { label: 'Номер инфомата', value: c.kioskId },
    { label: 'Демо-режим', value: onOff(c.demo) },
    { label: 'МИС', value: c.api.kind === 'n3' ? 'N3.Здравоохранение (HubService)' : 'SoftRust (REST)' },
    { label: 'Адрес МИС', value: safeUrl(c.api.baseUrl) },
    { label: 'Клиентское приложение', value: isSet(c.api.clientApplication) },
    { label: 'Таймаут запроса к МИС', value: `${c.api.timeoutMs} мс` },
  ];
  if (c.api.n3) {
    items.push({ label: 'N3: idLpu', value: String(c.api.n3.idLpu) }, { label: 'N3: токен системы', value: isSet(c.api.n3.guid) });
  }
  items.push(
    { label: 'Часовой пояс', value: c.timeZone },
    { label: 'Обслуживаемые ЛПУ', value: c.clinics.length ? String(c.clinics.length) : 'все по направлению' },
    { label: 'Принтер', value: printerLine(c) },
    { label: 'Повторных печатей', value: String(c.printer.reprintLimit) },
    { label: 'Сканер полиса', value: c.scanner.type === 'none' ? 'нет' : c.scanner.type === 'serial' ? 'последовательный порт' : 'клавиатурный' },
    { label: 'Ориентация экрана', value: c.screen.orientation },
    { label: 'Бездействие пациента', value: `${c.idle.seconds} с + ${c.idle.countdownSeconds} с` },
    {
      label: 'Метрики Prometheus',
      value: c.telemetry.metricsPort === undefined ? 'выключены' : `${c.telemetry.metricsHost}:${c.telemetry.metricsPort}, токен ${isSet(c.telemetry.bearerToken)}`,
    },
    { label: 'Обновления', value: c.updates.url ? `${safeUrl(c.updates.url)}, канал ${c.updates.channel}` : 'выключены' },
    { label: 'Хранить журналы', value: `${c.retentionDays} дн.` },
    { label: 'PIN служебного режима', value: isSet(c.service.pinHash) },
    { label: 'Бездействие в служебном режиме', value: `${c.service.idleSeconds} с` },
  );
  return items;
}
