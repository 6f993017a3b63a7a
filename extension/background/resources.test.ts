import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api/endpoints.ts';
import { answerSchemas } from './resources.ts';

describe("the worker's answer checks", () => {
  it("are each read endpoint's own answer schema in the contract", () => {
    for (const [name, schema] of Object.entries(answerSchemas)) expect(schema, name).toBe(api[name as keyof typeof answerSchemas].response.schema);
  });
});
