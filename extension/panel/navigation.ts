import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type TabId = 'profile' | 'diagnostics' | 'route' | 'courses' | 'events' | 'mentoring' | 'recommendations' | 'consultations' | 'settings';

/** Moves the panel to a tab; to the diagnostics with an instrument to start (a retake after a course). */
export const NavigationContext = createContext<(tab: TabId, instrumentId?: string) => void>(() => undefined);

export const useNavigate = () => useContext(NavigationContext);
