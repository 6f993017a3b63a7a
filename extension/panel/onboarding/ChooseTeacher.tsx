import type { PanelState } from '../../background/protocol.ts';
import { messages } from '../../messages.ts';

const t = messages.onboarding;

/**
 * Two or more teachers connected on this computer have names that agree with
 * the journal's (the same surname and initials, e.g. «Егорова С. М.»): the
 * teacher says which one she is; the panel never picks one for her.
 */
export function ChooseTeacher({ choices, onChosen }: { choices: PanelState['sameName']; onChosen: (sessionId: string) => void }) {
  return (
    <div class="form">
      <h3>{t.chooseTitle}</h3>
      <p>{t.chooseIntro}</p>
      <ul class="choices">
        {choices.map((choice) => (
          <li key={choice.id}>
            <button type="button" class="button" onClick={() => onChosen(choice.id)}>
              {t.chooseTeacher(choice.name, choice.school)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
