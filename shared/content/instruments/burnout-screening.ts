/**
 * «Профессиональное выгорание: скрининг» — a short, original questionnaire
 * written for ПрофРост (not an adaptation of MBI, the Бойко method or any
 * other published scale). It measures wellbeing indicators only, and the
 * score is oriented so that HIGHER = BETTER: statements about exhaustion,
 * detachment, overload or isolation are reverse-keyed.
 *
 * The scale is a frequency scale over the last month: burnout is a state that
 * builds up, so «how often» is steadier than «how much I agree today».
 *
 * Risk bands, on the 0–100 score (a Likert answer of 1–5 maps to 0–100):
 * - below 40 — высокий риск: on average the answers lean to the unfavourable
 *   side («часто» tired, «редко» rested), i.e. a mean answer below 2.6;
 * - 40–70 inclusive — умеренный риск: the mixed middle, «иногда» on both sides
 *   (a mean of 2.6–3.8); a signal to look after oneself, not an alarm;
 * - above 70 — низкий риск: favourable answers prevail.
 * These are screening thresholds for the teacher's own attention, not a
 * clinical cut-off; a result is never a diagnosis and never a deficit.
 *
 * minAnsweredShare is 0.8: with about a dozen items, skipping more than a
 * couple of them (often the uncomfortable ones) would make the score misleading.
 */
import type { InstrumentInput } from '../../schemas/instrument.ts';

const item = (id: string, text: string, indicator: string, reverse = false) => ({
  id,
  kind: 'likert' as const,
  text,
  measures: [{ indicator, weight: 1 }],
  reverse,
});

export const burnoutScreening: InstrumentInput = {
  id: 'burnoutScreening',
  version: 1,
  kind: 'screening',
  title: 'Профессиональное выгорание: скрининг',
  description:
    'Короткий опрос о том, как вы себя чувствуете в профессии. Он не ставит диагноз и не оценивает ваш профессионализм, а помогает вовремя заметить усталость и позаботиться о себе. Отметьте, как часто за последний месяц с вами происходило то, о чём говорится в утверждении. Ваши ответы и результат видите только вы. Они хранятся на сервере вместе с остальными вашими данными, но ни администрация школы, ни методисты, ни экспертный совет их не получают: ни по отдельности, ни в сводной статистике. Удалить их можно вместе с остальными данными в настройках панели. Если опрос покажет повышенный риск, это не повод винить себя: усталость в нашей профессии встречается часто, и с ней можно справиться. Поговорите с коллегой, которому доверяете, или с педагогом-психологом, а в каталоге вы найдёте программы по профилактике профессионального выгорания.',
  scale: ['никогда', 'редко', 'иногда', 'часто', 'почти всегда'],
  // Thresholds explained at the top of the file.
  bands: [
    { level: 'highRisk', upTo: 40, inclusive: false },
    { level: 'moderateRisk', upTo: 70, inclusive: true },
    { level: 'lowRisk', upTo: 100, inclusive: true },
  ],
  minAnsweredShare: 0.8,
  items: [
    // Эмоциональные силы и восстановление
    item('wb-01', 'В воскресенье вечером мысль о предстоящей рабочей неделе вызывает у меня тяжесть.', 'wellbeing.energy', true),
    item('wb-02', 'После рабочего дня мне нужно много времени, чтобы прийти в себя и заняться чем-то другим.', 'wellbeing.energy', true),
    item('wb-03', 'Выходные и каникулы действительно возвращают мне силы.', 'wellbeing.energy'),
    item('wb-04', 'Рабочие мелочи, которые раньше меня не задевали, теперь вызывают раздражение.', 'wellbeing.energy', true),

    // Ощущение результативности своей работы
    item('wb-05', 'Я вижу, что мои ученики продвигаются благодаря нашей совместной работе.', 'wellbeing.accomplishment'),
    item('wb-06', 'У меня бывают поводы порадоваться результатам своей работы.', 'wellbeing.accomplishment'),
    item('wb-07', 'Мне кажется, что от моих усилий в работе мало что зависит.', 'wellbeing.accomplishment', true),

    // Живой интерес к ученикам и своему делу
    item('wb-08', 'Мне интересно, чем живут мои ученики за пределами уроков.', 'wellbeing.engagement'),
    item('wb-09', 'Я с удовольствием придумываю что-то новое для своих уроков.', 'wellbeing.engagement'),
    item('wb-10', 'Я ловлю себя на том, что общаюсь с учениками формально, лишь бы урок поскорее закончился.', 'wellbeing.engagement', true),

    // Баланс работы и личной жизни
    item('wb-11', 'Проверка работ и подготовка к урокам занимают мои вечера и выходные.', 'wellbeing.balance', true),
    item('wb-12', 'Я нахожу время для занятий и увлечений, не связанных со школой.', 'wellbeing.balance'),
    item('wb-13', 'Я позволяю себе не отвечать на рабочие сообщения в нерабочее время.', 'wellbeing.balance'),

    // Поддержка коллег и администрации
    item('wb-14', 'Если в работе возникает трудность, мне есть к кому из коллег обратиться за советом.', 'wellbeing.support'),
    item('wb-15', 'Я чувствую, что администрация школы замечает и ценит мою работу.', 'wellbeing.support'),
    item('wb-16', 'В трудной ситуации на работе я остаюсь со своими проблемами один на один.', 'wellbeing.support', true),
  ],
};
