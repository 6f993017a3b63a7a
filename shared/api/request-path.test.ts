import { describe, expect, expectTypeOf, it } from 'vitest';
import { api, type Endpoint } from './endpoints.ts';
import { type PathParamName, requestPath } from './request-path.ts';

/** An endpoint whose path is only known to be a string, as one built at run time would be. */
const untyped: Endpoint = {
  method: 'get',
  path: '/api/v1/things/:id/parts/:part',
  summary: 'a test endpoint',
  auth: 'none',
  response: { status: 200, schema: null },
};

describe('requestPath', () => {
  it('gives the path of an endpoint without parameters as it is', () => {
    expect(requestPath(api.health)).toBe('/api/v1/health');
    expect(requestPath(api.getMe, {})).toBe('/api/v1/me');
  });

  it('fills each :name segment with its parameter, encoded', () => {
    expect(requestPath(api.enrollInRun, { params: { id: 'pk-2025' } })).toBe('/api/v1/programs/pk-2025/enrollments');
    expect(requestPath(api.submitFeedback, { params: { id: 'a/b?c#d e' } })).toBe('/api/v1/enrollments/a%2Fb%3Fc%23d%20e/feedback');
    expect(requestPath(api.getInstrument, { params: { id: 'ц' } })).toBe('/api/v1/instruments/%D1%86');
    expect(requestPath(untyped, { params: { part: '2', id: '1' } })).toBe('/api/v1/things/1/parts/2');
  });

  it('refuses a parameter that URL parsing would resolve away or that leaves the segment empty', () => {
    for (const id of ['', '.', '..']) {
      expect(() => requestPath(api.cancelEnrollment, { params: { id } })).toThrow(`/api/v1/enrollments/:id: :id cannot be "${id}"`);
    }
    // Encoded dots are dots to the URL parser too; an encoded slash is not a separator.
    expect(requestPath(api.cancelEnrollment, { params: { id: '../x' } })).toBe('/api/v1/enrollments/..%2Fx');
  });

  it('refuses a missing or extra parameter at run time when the path type cannot tell', () => {
    expect(() => requestPath(untyped, { params: { id: '1' } })).toThrow('/api/v1/things/:id/parts/:part: no value for :part');
    expect(() => requestPath(untyped, { params: { id: '1', part: '2', extra: '3', toString: '4' } })).toThrow(
      '/api/v1/things/:id/parts/:part: no parameter :extra, :toString',
    );
    // Inherited properties are not parameters.
    expect(() => requestPath(untyped, { params: Object.create({ id: '1', part: '2' }) as Record<string, string> })).toThrow('no value for :id');
  });

  it('refuses a missing or extra parameter at compile time', () => {
    // @ts-expect-error the path has :id
    expect(() => requestPath(api.getInstrument)).toThrow('no value for :id');
    // @ts-expect-error the path has :id
    expect(() => requestPath(api.getInstrument, { params: {} })).toThrow('no value for :id');
    // @ts-expect-error the path has no :instrumentId
    expect(() => requestPath(api.getInstrument, { params: { id: '1', instrumentId: '2' } })).toThrow('no parameter :instrumentId');
    // @ts-expect-error the path has no parameters
    expect(() => requestPath(api.health, { params: { id: '1' } })).toThrow('no parameter :id');
    // @ts-expect-error a parameter is a string
    expect(requestPath(api.getInstrument, { params: { id: 7 } })).toBe('/api/v1/instruments/7');
  });

  it('adds the query in the order given, leaving out undefined values', () => {
    expect(requestPath(api.listPrograms, { query: { q: 'цифровая среда', format: 'distance', competency: undefined, limit: '20' } })).toBe(
      '/api/v1/programs?q=%D1%86%D0%B8%D1%84%D1%80%D0%BE%D0%B2%D0%B0%D1%8F+%D1%81%D1%80%D0%B5%D0%B4%D0%B0&format=distance&limit=20',
    );
    expect(requestPath(api.deficitsSummaryCsv, { query: { period: '2025-2026', excel: '1' } })).toBe('/api/v1/reports/deficits.csv?period=2025-2026&excel=1');
  });

  it('writes no question mark for an empty query', () => {
    expect(requestPath(api.listPrograms, { query: {} })).toBe('/api/v1/programs');
    expect(requestPath(api.listPrograms, { query: new URLSearchParams() })).toBe('/api/v1/programs');
  });

  it('takes a query already encoded as it is', () => {
    expect(requestPath(api.listPrograms, { query: new URLSearchParams('offset=20&q=a+b&q=c') })).toBe('/api/v1/programs?offset=20&q=a+b&q=c');
  });

  it("types the query by the endpoint's query schema", () => {
    // @ts-expect-error not a format of the catalogue
    requestPath(api.listPrograms, { query: { format: 'paper' } });
    // @ts-expect-error the catalogue has no such filter
    requestPath(api.listPrograms, { query: { region: 'x' } });
    // @ts-expect-error the JSON summary has no excel switch
    requestPath(api.deficitsSummaryJson, { query: { excel: '1' } });
    // @ts-expect-error the endpoint takes no query
    requestPath(api.getRoute, { query: { q: 'x' } });
  });
});

describe('PathParamName', () => {
  it('names the parameters of a path', () => {
    expectTypeOf<PathParamName<'/api/v1/programs/:id/enrollments'>>().toEqualTypeOf<'id'>();
    expectTypeOf<PathParamName<'/a/:first/b/:second'>>().toEqualTypeOf<'first' | 'second'>();
    expectTypeOf<PathParamName<':only'>>().toEqualTypeOf<'only'>();
    expectTypeOf<PathParamName<'/api/v1/me/route'>>().toEqualTypeOf<never>();
    expectTypeOf<PathParamName<'/api/v1/reports/deficits.csv'>>().toEqualTypeOf<never>();
  });
});
