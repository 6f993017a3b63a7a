import { messages as platform } from '../../platform/messages.ts';

/**
 * A device's connection with a code: why a code is refused.
 */
export const messages = {
  ...platform,
  connect: {
    unknown: 'Такого кода подключения нет. Проверьте, что код введён без ошибок.',
    used: 'Этот код подключения уже использован. Попросите у методиста новый.',
    expired: 'Срок действия кода подключения истёк. Попросите у методиста новый.',
    otherTeacher:
      'Этот код подключения выдан другому педагогу: его имя в списке педагогов не совпадает с вашим именем в журнале. Проверьте код и своё имя; код не израсходован.',
    tooManyForCode: (seconds: number) => `С этим кодом было слишком много попыток. Сверьте код с тем, что выдал методист, и повторите через ${seconds} с.`,
  },
} as const;
