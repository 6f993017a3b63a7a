/** "Deficit" in every report: the two deficit bands; insufficientData is not one. */
export const deficitLevelsSql = `('highDeficit', 'moderateDeficit')`;

export function isDeficit(level: string): boolean {
  return level === 'highDeficit' || level === 'moderateDeficit';
}
