/** Scores are shown and stored with one decimal; rounding also removes float noise such as 59.99999999. */
export function roundScore(value: number): number {
  // `+ 0` turns -0 (from small negative growth) into 0, so results compare and print cleanly.
  return Math.round(value * 10) / 10 + 0;
}
