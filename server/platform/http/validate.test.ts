import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useRussianValidationMessages } from '../../../shared/schemas/locale.ts';
import { ApiError } from './api-error.ts';
import { checkJsonBody, parseJsonBody } from './validate.ts';

const schema = z.object({
  code: z.string().min(1),
  device: z.string().default('браузер'),
  answers: z.record(z.string(), z.number()).optional(),
});

describe('request bodies', () => {
  // As the app does when it starts: zod's own sentences in Russian.
  beforeAll(() => useRussianValidationMessages());

  it('gives the body as the schema reads it, defaults included', () => {
    expect(checkJsonBody('{"code": "K7QM-3HXD"}', schema)).toEqual({ body: { code: 'K7QM-3HXD', device: 'браузер' } });
  });

  it('tells text that is not JSON from JSON that is not what the contract says', () => {
    expect(checkJsonBody('{"code": ', schema)).toEqual({ problem: { code: 'invalid_json', message: 'Тело запроса — не правильный JSON.' } });
    expect(checkJsonBody('{"code": 5}', schema)).toMatchObject({ problem: { code: 'invalid_body' } });
  });

  it('names the field of the first problem, nested ones by their path, in one Russian sentence', () => {
    const message = (text: string) => {
      const checked = checkJsonBody(text, schema);
      return 'problem' in checked ? checked.problem.message : undefined;
    };
    expect(message('{"code": 5}')).toMatch(/^Неверные данные: поле «code»: [А-ЯЁа-яё].*\.$/);
    expect(message('{"code": "x", "answers": {"q1": "да"}}')).toMatch(/^Неверные данные: поле «answers\.q1»: [А-ЯЁа-яё].*\.$/);
    expect(message('[1, 2]')).toMatch(/^Неверные данные: [А-ЯЁа-яё].*\.$/);
  });

  it('throws the problem as a 400 of the API', () => {
    expect(() => parseJsonBody('{}', schema)).toThrow(ApiError);
    expect(() => parseJsonBody('{}', schema)).toThrow(
      expect.objectContaining({ status: 400, code: 'invalid_body', message: expect.stringMatching(/^Неверные данные: поле «code»/) }),
    );
  });
});
