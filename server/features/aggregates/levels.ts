/** "Deficit" in every report, in SQL: the two levels hasDeficit (shared/scoring/deficits.ts) counts; insufficientData is not one. */
export const deficitLevelsSql = `('highDeficit', 'moderateDeficit')`;
