import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface Tab<Id extends string> {
  id: Id;
  label: string;
}

/**
 * WAI-ARIA tabs: one tab stop for the list, ←/→ (and Home/End) move between
 * tabs and open them, the panel below is labelled by its tab.
 */
export function Tabs<Id extends string>({
  tabs,
  selected,
  onSelect,
  label,
  children,
}: {
  tabs: Tab<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
  children: ComponentChildren;
}) {
  const list = useRef<HTMLDivElement>(null);
  const select = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length]!;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#profrost-tab-${tab.id}`)?.focus();
  };
  const current = tabs.findIndex((tab) => tab.id === selected);
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(to);
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`profrost-tab-${tab.id}`}
            class="tabs__tab"
            aria-selected={tab.id === selected}
            aria-controls={`profrost-tabpanel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern makes the panel focusable, so that the keyboard reaches a panel that starts with text. */}
      <div class="tabs__panel" role="tabpanel" id={`profrost-tabpanel-${selected}`} aria-labelledby={`profrost-tab-${selected}`} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
