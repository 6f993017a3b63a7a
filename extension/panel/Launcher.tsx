import { messages } from '../messages.ts';

/** `markHost`: where the content script draws the mark (lazy/launcher-mark.ts); the button's box does not change with it. */
export function Launcher({ onOpen, markHost }: { onOpen: () => void; markHost?: (host: HTMLElement | null) => void }) {
  return (
    <button type="button" class="launcher" onClick={onOpen}>
      {messages.launcher}
      {markHost && <span class="launcher__mark" ref={markHost} />}
    </button>
  );
}
