import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      dataDir: path.resolve('./data'),
      publicUrl: 'http://localhost:8787',
      demo: false,
      minGroup: 5,
      timeZone: 'Europe/Moscow',
    });
    expect(loadConfig({}, { demo: true }).demo).toBe(true);
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://localhost:9000');
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '3000',
        PROFROST_DATA_DIR: '/srv/profrost',
        PROFROST_PUBLIC_URL: 'https://profrost.example.ru/',
        PROFROST_DEMO: 'off',
        PROFROST_REPORT_MIN_GROUP: '10',
        PROFROST_TIME_ZONE: 'Asia/Yakutsk',
      },
      { demo: true },
    );
    expect(config).toEqual({
      port: 3000,
      dataDir: '/srv/profrost',
      publicUrl: 'https://profrost.example.ru',
      demo: false,
      minGroup: 10,
      timeZone: 'Asia/Yakutsk',
    });
  });

  it('takes a flag in the usual spellings, and an empty variable as unset', () => {
    expect(['1', 'true', ' Yes ', 'ON'].map((value) => loadConfig({ PROFROST_DEMO: value }).demo)).toEqual([true, true, true, true]);
    expect(['0', 'false', 'No', 'off'].map((value) => loadConfig({ PROFROST_DEMO: value }, { demo: true }).demo)).toEqual([false, false, false, false]);
    expect(loadConfig({ PORT: '', PROFROST_DEMO: '' }, { demo: true })).toMatchObject({ port: 8787, demo: true });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['PROFROST_PUBLIC_URL', 'profrost.example.ru'],
    ['PROFROST_PUBLIC_URL', 'ftp://example.ru'],
    ['PROFROST_DEMO', 'maybe'],
    ['PROFROST_REPORT_MIN_GROUP', '2'],
    ['PROFROST_REPORT_MIN_GROUP', 'пять'],
    ['PROFROST_TIME_ZONE', 'Якутск'],
  ])('stops on %s=%s with a sentence that names the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Переменная окружения ${name}: .*«${value.replace(/[.+*?^$()[\]{}|\\]/g, '\\$&')}»`));
  });
});
