/**
 * Where each endpoint of the contract is: its name, method, path and who may
 * call it, as plain data without a schema. The extension's background worker
 * calls endpoints through this table, so that the validation library and
 * every endpoint's schemas are not built each time the browser wakes it
 * (a service worker cannot load code later: whatever it imports runs at its
 * start). endpoints.ts gives each entry its schemas and texts; the compiler
 * (endpoints.ts) and a test (routes.test.ts) keep the two lists the same.
 */
export interface Route {
  name: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono-style path: `/api/v1/programs/:id/enrollments`; a parameter is a whole segment. */
  path: string;
  auth: 'none' | 'teacher' | 'council';
}

export const routes = {
  health: { name: 'health', method: 'get', path: '/api/v1/health', auth: 'none' },
  connectDevice: { name: 'connectDevice', method: 'post', path: '/api/v1/connect', auth: 'none' },
  connectDeviceAtOldPath: { name: 'connectDeviceAtOldPath', method: 'post', path: '/api/v1/enroll', auth: 'none' },
  getJournalOverrides: { name: 'getJournalOverrides', method: 'get', path: '/api/v1/journal-overrides', auth: 'none' },
  listInstruments: { name: 'listInstruments', method: 'get', path: '/api/v1/instruments', auth: 'teacher' },
  getInstrument: { name: 'getInstrument', method: 'get', path: '/api/v1/instruments/:id', auth: 'teacher' },
  submitAttempt: { name: 'submitAttempt', method: 'post', path: '/api/v1/attempts', auth: 'teacher' },
  getCompetencyProfile: { name: 'getCompetencyProfile', method: 'get', path: '/api/v1/me/profile', auth: 'teacher' },
  listPrograms: { name: 'listPrograms', method: 'get', path: '/api/v1/programs', auth: 'teacher' },
  enrollInRun: { name: 'enrollInRun', method: 'post', path: '/api/v1/programs/:id/enrollments', auth: 'teacher' },
  cancelEnrollment: { name: 'cancelEnrollment', method: 'delete', path: '/api/v1/enrollments/:id', auth: 'teacher' },
  submitFeedback: { name: 'submitFeedback', method: 'post', path: '/api/v1/enrollments/:id/feedback', auth: 'teacher' },
  listMyEnrollments: { name: 'listMyEnrollments', method: 'get', path: '/api/v1/me/enrollments', auth: 'teacher' },
  getRoute: { name: 'getRoute', method: 'get', path: '/api/v1/me/route', auth: 'teacher' },
  updateRouteItem: { name: 'updateRouteItem', method: 'put', path: '/api/v1/me/route/items/:id', auth: 'teacher' },
  submitRoute: { name: 'submitRoute', method: 'put', path: '/api/v1/me/route/agreement', auth: 'teacher' },
  getMe: { name: 'getMe', method: 'get', path: '/api/v1/me', auth: 'teacher' },
  updateMe: { name: 'updateMe', method: 'patch', path: '/api/v1/me', auth: 'teacher' },
  exportMyData: { name: 'exportMyData', method: 'get', path: '/api/v1/me/export', auth: 'teacher' },
  eraseMyData: { name: 'eraseMyData', method: 'delete', path: '/api/v1/me', auth: 'teacher' },
  withdrawConsent: { name: 'withdrawConsent', method: 'delete', path: '/api/v1/me/consent', auth: 'teacher' },
  deficitsSummaryCsv: { name: 'deficitsSummaryCsv', method: 'get', path: '/api/v1/reports/deficits.csv', auth: 'council' },
  deficitsSummaryJson: { name: 'deficitsSummaryJson', method: 'get', path: '/api/v1/reports/deficits.json', auth: 'council' },
  demandSummaryCsv: { name: 'demandSummaryCsv', method: 'get', path: '/api/v1/reports/demand.csv', auth: 'council' },
  demandSummaryJson: { name: 'demandSummaryJson', method: 'get', path: '/api/v1/reports/demand.json', auth: 'council' },
  participationSummaryCsv: { name: 'participationSummaryCsv', method: 'get', path: '/api/v1/reports/participation.csv', auth: 'council' },
  participationSummaryJson: { name: 'participationSummaryJson', method: 'get', path: '/api/v1/reports/participation.json', auth: 'council' },
  growthSummaryCsv: { name: 'growthSummaryCsv', method: 'get', path: '/api/v1/reports/growth.csv', auth: 'council' },
  growthSummaryJson: { name: 'growthSummaryJson', method: 'get', path: '/api/v1/reports/growth.json', auth: 'council' },
  programsSummaryCsv: { name: 'programsSummaryCsv', method: 'get', path: '/api/v1/reports/programs.csv', auth: 'council' },
  programsSummaryJson: { name: 'programsSummaryJson', method: 'get', path: '/api/v1/reports/programs.json', auth: 'council' },
  routesSummaryCsv: { name: 'routesSummaryCsv', method: 'get', path: '/api/v1/reports/routes.csv', auth: 'council' },
  routesSummaryJson: { name: 'routesSummaryJson', method: 'get', path: '/api/v1/reports/routes.json', auth: 'council' },
  indicatorsSummaryCsv: { name: 'indicatorsSummaryCsv', method: 'get', path: '/api/v1/reports/indicators.csv', auth: 'council' },
  indicatorsSummaryJson: { name: 'indicatorsSummaryJson', method: 'get', path: '/api/v1/reports/indicators.json', auth: 'council' },
  mentoringSummaryCsv: { name: 'mentoringSummaryCsv', method: 'get', path: '/api/v1/reports/mentoring.csv', auth: 'council' },
  mentoringSummaryJson: { name: 'mentoringSummaryJson', method: 'get', path: '/api/v1/reports/mentoring.json', auth: 'council' },
  measuresSummaryCsv: { name: 'measuresSummaryCsv', method: 'get', path: '/api/v1/reports/measures.csv', auth: 'council' },
  measuresSummaryJson: { name: 'measuresSummaryJson', method: 'get', path: '/api/v1/reports/measures.json', auth: 'council' },
  sendJournalReport: { name: 'sendJournalReport', method: 'post', path: '/api/v1/journal-reports', auth: 'teacher' },
  sendDetectionCounts: { name: 'sendDetectionCounts', method: 'post', path: '/api/v1/journal-health', auth: 'teacher' },
  getMyMentoring: { name: 'getMyMentoring', method: 'get', path: '/api/v1/me/mentoring', auth: 'teacher' },
  logMentoringMeeting: { name: 'logMentoringMeeting', method: 'post', path: '/api/v1/mentoring/meetings', auth: 'teacher' },
  updateMentorOffer: { name: 'updateMentorOffer', method: 'put', path: '/api/v1/me/mentoring/offer', auth: 'teacher' },
  requestPairEnd: { name: 'requestPairEnd', method: 'post', path: '/api/v1/mentoring/pairs/:id/end-request', auth: 'teacher' },
  listMyRecommendations: { name: 'listMyRecommendations', method: 'get', path: '/api/v1/me/recommendations', auth: 'teacher' },
  answerRecommendation: { name: 'answerRecommendation', method: 'put', path: '/api/v1/me/recommendations/:id', auth: 'teacher' },
  listEvents: { name: 'listEvents', method: 'get', path: '/api/v1/events', auth: 'teacher' },
  signUpForEvent: { name: 'signUpForEvent', method: 'post', path: '/api/v1/events/:id/sign-ups', auth: 'teacher' },
  cancelEventSignUp: { name: 'cancelEventSignUp', method: 'delete', path: '/api/v1/event-sign-ups/:id', auth: 'teacher' },
  submitEventFeedback: { name: 'submitEventFeedback', method: 'post', path: '/api/v1/event-sign-ups/:id/feedback', auth: 'teacher' },
  listMyEventSignUps: { name: 'listMyEventSignUps', method: 'get', path: '/api/v1/me/event-sign-ups', auth: 'teacher' },
  listMyConsultations: { name: 'listMyConsultations', method: 'get', path: '/api/v1/me/consultations', auth: 'teacher' },
  answerConsultation: { name: 'answerConsultation', method: 'put', path: '/api/v1/me/consultations/:id/answer', auth: 'teacher' },
  listMyCampaigns: { name: 'listMyCampaigns', method: 'get', path: '/api/v1/me/campaigns', auth: 'teacher' },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;
