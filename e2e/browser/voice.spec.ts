// Voice guidance (issue 21): P1 books a cardiologist with «Озвучить» on, in this project's
// orientation. On every screen the test reads what the kiosk's voice was asked to say (the core's
// speech engine, recorded by the stack and rendered by the real espeak-ng into
// artifacts/e2e-speech/), checks axe-core finds nothing, and counts the patient's taps.
import type { Page } from '@playwright/test';
import { atTimeWords, clockWords, dayWords as listDay, digitWord, onDayWords } from '../../electron/common/i18n/ru-numerals';
import type { Stack } from '../support/stack';
import { axeViolations } from '../support/a11y';
import { CARDIOLOGIST, P, REF, expect, test } from '../support/fixtures';

/** A calendar day in words as the voice says it: in a list («вторник, двенадцатое мая») or when («во вторник, двенадцатого мая»). */
function dayWords(ymd: string, when = false): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d, 12)).getUTCDay() + 6) % 7;
  return when ? onDayWords(weekday, d, m) : listDay(weekday, d, m);
}
const capitalize = (x: string) => x.charAt(0).toLocaleUpperCase('ru-RU') + x.slice(1);
/** «девять пятнадцать» on a list, «в девять часов пятнадцать минут» when. */
function timeWords(hhmm: string, when = false): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return when ? atTimeWords(h, m) : clockWords(h, m);
}

/** What was said since `from`, of one kind. */
const said = (stack: Stack, from: number, kind?: string) => stack.spoken.slice(from).filter((u) => !kind || u.kind === kind).map((u) => u.text);

/** Waits until an utterance of `kind` since `from` matches, and returns it. */
async function heard(stack: Stack, from: number, kind: string, pattern: RegExp): Promise<string> {
  await expect.poll(() => said(stack, from, kind).find((x) => pattern.test(x)) ?? said(stack, from, kind), { timeout: 10_000 }).toMatch(pattern);
  return said(stack, from, kind).find((x) => pattern.test(x))!;
}

async function noAxe(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

test('voice mode: every happy-path screen, each choice, the keypad echoes and the whole ticket are spoken', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  let taps = 0;
  const tap = async (testId: string) => {
    await page.getByTestId(testId).click();
    taps += 1;
  };
  stack.spoken.length = 0;

  // Welcome: «Озвучить» next to the main button; the screen is read with its choices.
  await expect(page.getByTestId('voice-toggle-welcome')).toHaveAttribute('aria-pressed', 'false');
  await tap('voice-toggle-welcome');
  await expect(page.getByTestId('voice-toggle-welcome')).toHaveAttribute('aria-pressed', 'true');
  const welcome = await heard(stack, 0, 'screen', /^Озвучивание включено\. Запись к врачу/);
  expect(welcome).toMatch(/Можно выбрать: Записаться по направлению; .*Мои записи\.$/);
  await noAxe(page);
  await kiosk.shot('voice-01-welcome');

  // Identify: its heading and how to type; every key echoed, the month by its name.
  let mark = stack.spoken.length;
  await tap('start');
  await expect(page.getByTestId('screen-identify')).toBeVisible();
  await heard(stack, mark, 'screen', /^Введите полис и дату рождения\. Наберите на цифровой клавиатуре номер полиса, 16 цифр, затем день, месяц и год рождения, и нажмите «Продолжить»\.$/);
  await expect(page.getByTestId('voice-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('voice-repeat')).toBeVisible();
  await noAxe(page);
  await kiosk.shot('voice-02-identify');
  mark = stack.spoken.length;
  const { policy, birth } = P.P1;
  for (const d of policy) await tap(`key-${d}`);
  for (const d of birth[0]) await tap(`key-${d}`);
  await tap(`month-${birth[1]}`);
  for (const d of birth[2]) await tap(`key-${d}`);
  const typed = [...policy, ...birth[0]].map((d) => digitWord(Number(d)));
  const echoes = [...typed, 'январь', ...[...birth[2]].map((d) => digitWord(Number(d)))];
  await expect.poll(() => said(stack, mark, 'echo')).toEqual(echoes);
  // Each echo cuts off the one before: a quick typist is not kept waiting for the voice.
  expect(stack.spoken.slice(mark).every((u) => u.interrupt)).toBe(true);

  // Referrals: the heading and the referrals one can book on.
  mark = stack.spoken.length;
  await tap('identify-submit');
  await expect(page.getByTestId('screen-referrals')).toBeVisible();
  await heard(stack, mark, 'screen', /^Выберите направление\. Можно выбрать: [^.]*Кардиология[^.]*; Мои записи\.$/);
  await noAxe(page);
  await kiosk.shot('voice-04-referrals');

  // The referral tapped is said, then the doctors (the one clinic is chosen for the patient).
  mark = stack.spoken.length;
  await tap(`referral-${REF(101)}`);
  await expect(page.getByTestId('screen-resources')).toBeVisible();
  await heard(stack, mark, 'choice', /^Вы выбрали: Кардиология, Областной КДЦ\.$/);
  await heard(stack, mark, 'screen', /^Выберите врача\. Можно выбрать: Петров.*\.$/);
  await noAxe(page);

  mark = stack.spoken.length;
  await tap(`resource-${CARDIOLOGIST}`);
  await expect(page.getByTestId('screen-days')).toBeVisible();
  await heard(stack, mark, 'choice', /^Вы выбрали: Петров/);
  const dayTile = page.locator('[data-testid^="day-"]:not([disabled])').first();
  const date = (await dayTile.getAttribute('data-testid'))!.slice('day-'.length);
  const days = await heard(stack, mark, 'screen', /^Выберите день\. Можно выбрать: /);
  // Days in words, in the case a list needs: «вторник, двенадцатое мая».
  expect(days).toContain(`Можно выбрать: ${dayWords(date)}`);
  expect(days).toMatch(/(ое|ье) (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)/);
  await noAxe(page);

  mark = stack.spoken.length;
  await dayTile.click();
  taps += 1;
  await expect(page.getByTestId('screen-times')).toBeVisible();
  await heard(stack, mark, 'choice', new RegExp(`^Вы выбрали: ${dayWords(date)}\\.$`));
  const slot = page.locator('[data-testid^="time-"]:not([disabled])').first();
  const time = (await slot.getAttribute('data-testid'))!.slice('time-'.length);
  await heard(stack, mark, 'screen', new RegExp(`^Выберите время\\. ${capitalize(dayWords(date))}\\. Можно выбрать: ${timeWords(time)}[;.]`));
  await noAxe(page);

  mark = stack.spoken.length;
  await slot.click();
  taps += 1;
  await expect(page.getByTestId('screen-confirm')).toBeVisible();
  await heard(stack, mark, 'choice', new RegExp(`^Вы выбрали: ${timeWords(time)}\\.$`));
  const when = `${dayWords(date, true)}, ${timeWords(time, true)}`;
  const confirm = await heard(stack, mark, 'screen', /^Проверьте и подтвердите запись\./);
  expect(confirm).toContain(`Приём ${when}.`);
  expect(confirm).toMatch(/ Врач: Петров[^,]*, врач-кардиолог\. Кабинет 214, второй этаж\. Поликлиника: Областной КДЦ\. Если всё верно, нажмите «Записаться»\.$/);
  await noAxe(page);
  await kiosk.shot('voice-09-confirm');

  // The ticket in full: number digit by digit, date and time in words, room, floor, doctor.
  mark = stack.spoken.length;
  await tap('confirm-book');
  await expect(page.getByTestId('screen-ticket')).toBeVisible();
  const number = (await page.getByTestId('ticket-number').innerText()).trim();
  const spelledNumber = number
    .split(/\D+/)
    .filter(Boolean)
    .map((g) => [...g].map((d) => digitWord(Number(d))).join(' '))
    .join(', ');
  const ticket = await heard(stack, mark, 'ticket', /^Вы записаны\./);
  expect(ticket).toMatch(
    new RegExp(
      `^Вы записаны\\. Номер талона: ${spelledNumber}\\. Приём ${when}\\. Кабинет 214, второй этаж\\. Врач: Петров[^,]*, врач-кардиолог\\. Поликлиника: Областной КДЦ\\. Чтобы услышать ещё раз, нажмите «Повторить»\\.$`,
    ),
  );
  expect(ticket).not.toMatch(/\d\d\.\d\d|\d:\d\d/); // no date or time left in figures
  await heard(stack, mark, 'status', /^Возьмите талон\.?$/);
  await noAxe(page);
  await kiosk.shot('voice-10-ticket');

  // «Повторить» says the whole ticket again, cutting off whatever is being said.
  mark = stack.spoken.length;
  await page.getByTestId('voice-repeat').click();
  await expect.poll(() => stack.spoken.slice(mark).map((u) => [u.kind, u.interrupt, u.text])).toEqual([['ticket', true, ticket]]);

  // A voice-mode booking: «Озвучить» + the 30 taps of the ordinary happy path.
  expect(taps).toBe(31);
  test.info().annotations.push({ type: 'taps', description: `voice-mode happy path: ${taps} taps (Welcome → ticket)` });

  // The log says what kind of thing was said and how long, never the words or the policy.
  const voiceLines = stack.logLines.filter((l) => l.includes('"voice.'));
  expect(voiceLines.length).toBeGreaterThan(0);
  for (const l of voiceLines) expect(l).not.toMatch(/text|Петров|[А-Яа-яЁё]/);
  expect(stack.logLines.join('\n')).not.toContain(policy);
  expect(voiceLines.some((l) => l.includes('"kind":"echo"'))).toBe(false);

  // «Готово»: the session ends, and voice guidance with it.
  await page.getByTestId('done').click();
  await expect(page.getByTestId('screen-welcome')).toBeVisible();
  await expect(page.getByTestId('voice-toggle-welcome')).toHaveAttribute('aria-pressed', 'false');
  mark = stack.spoken.length;
  await page.waitForTimeout(500);
  expect(said(stack, mark)).toEqual([]);
});

test('voice mode: an error panel is read with what to do and its buttons; «Повторить» says it again', async ({ kiosk, stack }) => {
  const { page } = kiosk;
  stack.spoken.length = 0;
  await page.getByTestId('voice-toggle-welcome').click();
  await kiosk.identify('P2');
  await expect(kiosk.errorPanel()).toBeVisible();
  const error = await heard(stack, 0, 'error', /закрыта/);
  const message = (await page.getByTestId('error-message').innerText()).trim();
  const hint = (await page.getByTestId('error-hint').innerText()).trim();
  expect(error.replace(/\s+/g, ' ')).toBe(`${message} ${hint} Можно выбрать: Начать заново.`.replace(/\s+/g, ' '));
  await noAxe(page);
  await kiosk.shot('voice-err-card-closed');
  const mark = stack.spoken.length;
  // The header is behind the panel: its own «Повторить» says the panel again.
  await page.getByTestId('voice-repeat-error').click();
  await expect.poll(() => said(stack, mark)).toEqual([error]);
});
