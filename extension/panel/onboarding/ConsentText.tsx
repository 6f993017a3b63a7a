import { messages } from '../../messages.ts';

/** The full consent text, readable before the teacher ticks the box. */
export function ConsentText() {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the text scrolls in its box, and a keyboard can scroll only what can take the focus.
    <section class="consent" aria-labelledby="profrost-consent-title" tabIndex={0}>
      <h4 id="profrost-consent-title">{messages.onboarding.consentTitle}</h4>
      <p class="field__hint">{messages.onboarding.consentEdition(messages.onboarding.consentVersion)}</p>
      {messages.onboarding.consentText.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </section>
  );
}
