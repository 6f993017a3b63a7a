/**
 * What tests/extension/fixtures/report-page.html holds that must never leave
 * the page in a report: names, school, tokens, input and attribute values.
 * Only tests import this.
 */
export const reportFixture = 'report-page.html';
export const reportFixtureUrl = 'https://sgo.e-yakutia.ru/app/school/journal/48213/?at=AT-7f3c9e1d2b44#tab-Поттер';

export const reportFixtureSecrets = [
  'Егорова',
  'Сардана',
  'Поттер',
  'Гарри',
  'Уизли',
  'Грейнджер',
  'Гермиона',
  'Иванова',
  'Тимофеева',
  'МОБУ',
  'AT-7f3c9e1d2b44',
  '7f3c9e1d2b44',
  'CSRF-5b9e0c77d1',
  'SESS-91aa0b3c',
  'COOKIE-3d4e5f60',
  '48213',
  '90317',
  'плохо',
  'пропуск',
  'Teacher',
];
