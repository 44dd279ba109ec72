// Voice guidance's configuration (README «Озвучивание»): whether «Озвучить» is offered, which
// engine speaks, how fast and how loud.
import { z } from 'zod';
import { VOICE_ENGINES } from '../../common/speech';

export const VoiceConfigSchema = z
  .object({
    enabled: z
      .boolean()
      .default(true)
      .describe('Предлагать пациенту озвучивание: кнопка «Озвучить» на первом экране и вверху каждого экрана (показывается, только если есть чем говорить)'),
    engine: z
      .enum(VOICE_ENGINES)
      .default('auto')
      .describe(
        'Чем говорить: auto — голосом операционной системы, если в ней есть голос для языка сеанса (в Windows — «Microsoft Irina», в Linux — через speech-dispatcher), иначе программой espeak-ng; os — только голосом операционной системы; espeak-ng — только espeak-ng',
      ),
    rate: z
      .number()
      .int()
      .min(50)
      .max(200)
      .default(90)
      .describe('Скорость речи, % от обычной: 90 — чуть медленнее обычной, 70 — медленно, 130 — быстро'),
    volume: z.number().int().min(10).max(100).default(100).describe('Громкость речи, % от полной громкости голоса (общая громкость — в настройках звука системы)'),
    espeakPath: z
      .string()
      .min(1)
      .default('espeak-ng')
      .describe('Программа espeak-ng: имя (ищется в PATH) или полный путь, например C:\\Program Files\\eSpeak NG\\espeak-ng.exe. В Debian: apt install espeak-ng'),
  })
  .describe('Озвучивание экранов для пациентов, которым трудно читать с экрана');
