import { describe, expect, it } from 'vitest';
import { diagnosticsEndpoints } from './diagnostics.ts';
import { api, endpoints } from './endpoints.ts';
import { meEndpoints } from './me.ts';
import { profileEndpoints } from './profile.ts';
import { programEndpoints } from './programs.ts';
import { reportEndpoints, reportNames } from './reports.ts';
import { routeEndpoints } from './route.ts';

describe('the API contract', () => {
  it('lists every named endpoint, in the order they are named', () => {
    expect(endpoints).toEqual(Object.values(api));
  });

  it("loses no endpoint to another's name", () => {
    const groups = [diagnosticsEndpoints, profileEndpoints, programEndpoints, routeEndpoints, meEndpoints, reportEndpoints];
    // Health, the connection (on its path and its old one), and the journal overrides are named in endpoints.ts itself.
    const named = groups.reduce((count, group) => count + Object.keys(group).length, 4);
    expect(endpoints).toHaveLength(named);
  });

  it('gives no two endpoints the same method and path', () => {
    const methodPaths = endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(new Set(methodPaths).size).toBe(methodPaths.length);
  });

  it('names each summary its CSV and JSON endpoint', () => {
    expect(Object.keys(reportEndpoints)).toEqual(reportNames.flatMap((report) => [`${report}ReportCsv`, `${report}ReportJson`]));
    expect(api.growthReportCsv.path).toBe('/api/v1/reports/growth.csv');
    expect(api.growthReportJson.path).toBe('/api/v1/reports/growth.json');
  });
});
