import { messages } from '../messages.ts';

export function Launcher({ onOpen }: { onOpen: () => void }) {
  return (
    <button type="button" class="launcher" onClick={onOpen}>
      {messages.launcher}
    </button>
  );
}
