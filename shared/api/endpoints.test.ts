import { describe, expect, it } from 'vitest';
import { diagnosticsEndpoints } from './diagnostics.ts';
import { consultationEndpoints } from './consultations.ts';
import { api, endpoints } from './endpoints.ts';
import { meEndpoints } from './me.ts';
import { profileEndpoints } from './profile.ts';
import { programEndpoints } from './programs.ts';
import { journalReportEndpoints } from './journal-reports.ts';
import { summaryEndpoints, summaryNames } from './summaries.ts';
import { routeEndpoints } from './route.ts';
import { mentoringEndpoints } from './mentoring.ts';
import { recommendationEndpoints } from './recommendations.ts';
import { eventEndpoints } from './events.ts';
import { campaignEndpoints } from './campaigns.ts';

describe('the API contract', () => {
  it('lists every named endpoint, in the order they are named', () => {
    expect(endpoints).toEqual(Object.values(api));
  });

  it("loses no endpoint to another's name", () => {
    const groups: Record<string, unknown>[] = [
      diagnosticsEndpoints,
      profileEndpoints,
      programEndpoints,
      routeEndpoints,
      meEndpoints,
      summaryEndpoints,
      journalReportEndpoints,
      recommendationEndpoints,
      eventEndpoints,
      consultationEndpoints,
    ];
    groups.push(mentoringEndpoints);
    groups.push(campaignEndpoints);
    // Health, the connection (on its path and its old one), and the journal overrides are named in endpoints.ts itself.
    const named = groups.reduce((count, group) => count + Object.keys(group).length, 4);
    expect(endpoints).toHaveLength(named);
  });

  it('gives no two endpoints the same method and path', () => {
    const methodPaths = endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(new Set(methodPaths).size).toBe(methodPaths.length);
  });

  it('names each summary its CSV and JSON endpoint', () => {
    expect(Object.keys(summaryEndpoints)).toEqual(summaryNames.flatMap((name) => [`${name}SummaryCsv`, `${name}SummaryJson`]));
    expect(api.growthSummaryCsv.path).toBe('/api/v1/reports/growth.csv');
    expect(api.growthSummaryJson.path).toBe('/api/v1/reports/growth.json');
  });
});
