import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { createMisClient } from './mis-client';

// The seed's error table, verbatim: HTTP status, message_code, message, type.
const SEED_ERRORS: Array<[number, string, string, 'auth' | 'validation' | 'server']> = [
  [403, '5010', "Запрос должен содержать 'Authorization: Bearer ...'", 'auth'],
  [403, '5008', 'Токен некорректен', 'auth'],
  [403, '5007', 'Время действия токена истекло', 'auth'],
  [403, '5009', 'Подпись запроса некорректна', 'auth'],
  [404, '4001', 'Ваша электронная медицинская карта отсутствует. Обратитесь в регистратуру медицинского учреждения.', 'validation'],
  [403, '5096', 'Ваша электронная медицинская карта закрыта. Обратитесь в регистратуру медицинского учреждения.', 'validation'],
  [500, '5097', 'Не удалось получить данные о медицинских картах пациента.', 'server'],
  [400, '4031', 'Направление с таким номером не существует, либо принадлежит другому пациенту', 'validation'],
  [400, '4007', 'Вам запрещена самостоятельная запись на прием через интернет или инфомат. Для записи на прием обратитесь в регистратуру медицинского учреждения лично или по телефону.', 'validation'],
  [400, '4008', 'Вы уже записаны Иванов Иван Иванович на 27.11.2026 09:15. Запрещено иметь более одной активной записи на прием на одну специальность.', 'validation'],
  [400, '4029', 'Запись недоступна для данной возрастной группы. Сотрудниками МО было установлено ограничение по возрасту при записи на прием.', 'validation'],
  [400, '4009', 'Это время уже занято. Выберите другое свободное время приема.', 'validation'],
];

type Reply = { status: number; body: string; type?: string; delayMs?: number; destroy?: boolean };
let queue: Reply[] = [];
const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const r = queue.shift() ?? { status: 500, body: '{"code":500,"message":"no reply queued","message_code":"5000"}' };
      if (r.destroy) return req.socket.destroy();
      setTimeout(() => {
        res.writeHead(r.status, { 'Content-Type': r.type ?? 'application/json; charset=utf-8' });
        res.end(r.body);
      }, r.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  queue = [];
  seen.length = 0;
});

const client = (retries = 2, timeoutMs = 2000) =>
  createMisClient({ baseUrl: base, clientApplication: '7d3c1e52-0000-0000-0000-00000000ab01', timeoutMs, retries, backoffMs: 5 });

const booking = { date: '2026-11-27', time: '09:15', directionGuid: 'd1', lpuGuid: 'l2', resourceGuid: 'r1' };

function ticketJson(over: Record<string, unknown> = {}) {
  return JSON.stringify({
    lpu: { guid: 'l2', name: 'ОКДЦ', fullName: 'ГБУЗ «ОКДЦ»', address: 'ул. Ленина, 1', phone: '8-496-000-00-00', status: { name: 'Online' }, ratings: { avg: 4.6 } },
    num: '037.91', room: '214', flat: 2, busyType: { name: 'Прием', type: 1, code: null },
    ticketGuid: 't1', timeTableGuid: 'c1', docFio: 'Петров П.П.', docGuid: 'r1', resType: 'Doctor',
    doctorRole: 'Врач-кардиолог', speciality: 'Кардиология',
    beginTime: '2026-11-27T09:15:00+03:00', endTime: '2026-11-27T09:30:00+03:00',
    dateOfAppointment: '2026-11-26T10:00:00+03:00', source: 1, login: 'Infomat', sourceName: 'Infomat', history: [],
    ...over,
  });
}

describe('MIS client: the seed error table', () => {
  it.each(SEED_ERRORS)('HTTP %i / %s is an ApiError with the server message verbatim', async (status, code, message, kind) => {
    queue.push({ status, body: JSON.stringify({ code: status, message, message_code: code, type: 'Error' }) });
    const err = await client(0).bookByDirection('tok', booking).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.httpStatus).toBe(status);
    expect(e.code).toBe(code);
    expect(e.serverMessage).toBe(message);
    expect(e.kind).toBe(kind);
  });

  it('reads PascalCase error bodies too', async () => {
    queue.push({ status: 400, body: JSON.stringify({ Code: 400, Message: 'Это время уже занято. Выберите другое свободное время приема.', Message_code: '4009' }) });
    const e = (await client(0).bookByDirection('tok', booking).catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('4009');
  });
});

describe('MIS client: requests', () => {
  it('books with the seed body, Bearer token and client application header', async () => {
    queue.push({ status: 200, body: ticketJson({ unknownExtra: { x: 1 } }) });
    const t = await client().bookByDirection('secret-token', booking);
    expect(t.num).toBe('037.91');
    expect(t.flat).toBe(2);
    const req = seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/v2/directions/visit/l2');
    expect(req.headers.authorization).toBe('Bearer secret-token');
    expect(req.headers.clientapplication).toBe('7d3c1e52-0000-0000-0000-00000000ab01');
    expect(JSON.parse(req.body)).toEqual(booking);
  });

  it('asks for a token with n_pol and Birthday and accepts a bare string answer', async () => {
    queue.push({ status: 200, body: JSON.stringify('abcdefghijk') });
    const r = await client().getToken({ policy: '5000000000000001', birthDate: '1980-01-15' });
    expect(r.token).toBe('abcdefghijk');
    expect(seen[0]!.url).toBe('/auth/cod/token?n_pol=5000000000000001&Birthday=1980-01-15');
  });

  it('sends repeated status parameters without brackets', async () => {
    queue.push({ status: 200, body: '[]' });
    await client().listDirections('t', ['Active', 'Expired']);
    expect(seen[0]!.url).toBe('/api/v2/directions?status=Active&status=Expired');
  });

  it('sends Content-Type on DELETE (415 otherwise)', async () => {
    queue.push({ status: 200, body: JSON.stringify({ code: 200, message: 'Запись отменена', message_code: '2000' }) });
    expect(await client().cancelVisit('t', 'l2', 't1')).toBe('Запись отменена');
    expect(seen[0]!.method).toBe('DELETE');
    expect(seen[0]!.headers['content-type']).toContain('application/json');
  });
});

describe('MIS client: bad answers are rejected cleanly', () => {
  it('HTML instead of JSON is a protocol error', async () => {
    queue.push({ status: 200, body: '<html>proxy login</html>', type: 'text/html' });
    const e = (await client().listDirections('t').catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.kind).toBe('protocol');
  });

  it('a ticket without its number is a protocol error, not a half-ticket', async () => {
    const body = JSON.parse(ticketJson());
    delete body.num;
    queue.push({ status: 200, body: JSON.stringify(body) });
    const e = (await client().bookByDirection('t', booking).catch((x: unknown) => x)) as ApiError;
    expect(e.kind).toBe('protocol');
    expect(e.message).toContain('num');
  });

  it('an error status without a standard body is classified by status', async () => {
    queue.push({ status: 502, body: 'Bad gateway', type: 'text/plain' });
    const e = (await client(0).listDirections('t').catch((x: unknown) => x)) as ApiError;
    expect(e.kind).toBe('server');
    expect(e.serverMessage).toBeNull();
  });
});

describe('MIS client: retries and timeouts', () => {
  it('retries a GET on 5xx and succeeds', async () => {
    queue.push({ status: 503, body: '{}' }, { status: 200, body: '[]' });
    expect(await client(2).listDirections('t')).toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it('retries a GET after a dropped connection', async () => {
    queue.push({ status: 0, body: '', destroy: true }, { status: 200, body: '[]' });
    expect(await client(2).listDirections('t')).toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it('does not retry a GET on 4xx', async () => {
    queue.push({ status: 400, body: JSON.stringify({ code: 400, message: 'x', message_code: '4033' }) });
    await expect(client(2).listDirectionLpus('t', 'd')).rejects.toBeInstanceOf(ApiError);
    expect(seen).toHaveLength(1);
  });

  it('never retries the booking POST, even on 5xx', async () => {
    queue.push({ status: 500, body: JSON.stringify({ code: 500, message: 'Внутренняя ошибка сервера', message_code: '5000' }) }, { status: 200, body: ticketJson() });
    await expect(client(3).bookByDirection('t', booking)).rejects.toMatchObject({ kind: 'server', code: '5000' });
    expect(seen).toHaveLength(1);
  });

  it('times out a slow answer as a network error', async () => {
    queue.push({ status: 200, body: '[]', delayMs: 500 });
    const e = (await client(0, 100).listDirections('t').catch((x: unknown) => x)) as ApiError;
    expect(e.kind).toBe('network');
  });

  it('a refused connection is a network error', async () => {
    const c = createMisClient({ baseUrl: 'http://127.0.0.1:1/', clientApplication: 'x', timeoutMs: 500, retries: 1, backoffMs: 1 });
    await expect(c.listDirections('t')).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('MIS client: every URL path is built from checked segments', () => {
  const calls: Array<[string, (c: ReturnType<typeof client>) => Promise<unknown>]> = [
    ['getDirection', (c) => c.getDirection('t', '..')],
    ['listDirectionLpus', (c) => c.listDirectionLpus('t', '.')],
    ['getDirectionSchedule', (c) => c.getDirectionSchedule('t', 'a/b', { lpuGuid: 'l2', dateFrom: '2026-11-27', dateTo: '2026-11-28' })],
    ['bookByDirection', (c) => c.bookByDirection('t', { ...booking, lpuGuid: '../../auth/cod/token' })],
    ['cancelVisit (clinic)', (c) => c.cancelVisit('t', '%2e%2e', 't1')],
    ['cancelVisit (ticket)', (c) => c.cancelVisit('t', 'l2', '')],
  ];
  it.each(calls)('%s refuses a bad GUID with a rejected promise and sends nothing', async (_name, call) => {
    queue.push({ status: 200, body: '[]' });
    const pending = call(client());
    await expect(pending).rejects.toMatchObject({ kind: 'validation', reason: 'bad_path_segment' });
    expect(seen).toHaveLength(0);
  });

  it('a canonical GUID goes through encoded as one segment', async () => {
    queue.push({ status: 200, body: '[]' });
    await client().listDirectionLpus('t', '3c1e7b2a-0000-4000-8000-000000000001');
    expect(seen[0]!.url).toBe('/api/v2/directions/3c1e7b2a-0000-4000-8000-000000000001/lpu');
  });
});

describe('MIS client: base URL', () => {
  const opts = { clientApplication: 'x', timeoutMs: 1000, retries: 0 };
  it('refuses http:// to another machine unless allowed, and warns when allowed', () => {
    expect(() => createMisClient({ ...opts, baseUrl: 'http://mis.example.ru/api' })).toThrow(/https:\/\/.*api\.allowInsecureHttp/);
    const warnings: Array<[string, unknown]> = [];
    const log = { info() {}, error() {}, audit() {}, warn: (e: string, d?: unknown) => warnings.push([e, d]) };
    createMisClient({ ...opts, baseUrl: 'http://mis.example.ru/api', allowInsecureHttp: true, log });
    expect(warnings).toEqual([['api.insecure_http', { host: 'mis.example.ru' }]]);
  });

  it('accepts https:// and loopback http:// (the demo simulator) silently', () => {
    const warnings: string[] = [];
    const log = { info() {}, error() {}, audit() {}, warn: (e: string) => warnings.push(e) };
    createMisClient({ ...opts, baseUrl: 'https://mis.example.ru/api', log });
    createMisClient({ ...opts, baseUrl: 'http://127.0.0.1:8787/', log });
    createMisClient({ ...opts, baseUrl: 'http://localhost:8787/', log });
    expect(warnings).toEqual([]);
  });
});
