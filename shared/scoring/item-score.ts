import { likertMax, likertMin } from '../limits/likert.ts';
import type { CheckedAnswer } from './answers.ts';

/**
 * An answered item's score in 0..1, higher is better.
 * Likert maps 1..5 onto 0..1 (reversed for reverse-keyed items); single
 * choice is all or nothing; multiple choice gives partial credit, with wrong
 * picks cancelling right ones so that ticking every box earns nothing.
 */
export function itemScore(answer: CheckedAnswer): number {
  switch (answer.kind) {
    case 'likert': {
      const span = likertMax - likertMin;
      return answer.item.reverse ? (likertMax - answer.value) / span : (answer.value - likertMin) / span;
    }
    case 'single':
      return answer.optionId === answer.item.key ? 1 : 0;
    case 'multiple': {
      const key = new Set(answer.item.key);
      let right = 0;
      let wrong = 0;
      for (const id of answer.optionIds) {
        if (key.has(id)) right++;
        else wrong++;
      }
      return Math.max(0, (right - wrong) / key.size);
    }
  }
}
