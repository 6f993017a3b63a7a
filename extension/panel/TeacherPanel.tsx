import { useState } from 'preact/hooks';
import type { PanelState } from '../background/protocol.ts';
import { messages } from '../messages.ts';
import type { SessionView } from '../sync/sessions.ts';
import { CoursesTab } from './courses/CoursesTab.tsx';
import { DiagnosticsTab } from './diagnostics/DiagnosticsTab.tsx';
import { NavigationContext, type TabId } from './navigation.ts';
import { ProfileTab } from './profile/ProfileTab.tsx';
import { MentoringTab } from './mentoring/MentoringTab.tsx';
import { RouteTab } from './route/RouteTab.tsx';
import { RecommendationsTab } from './recommendations/RecommendationsTab.tsx';
import { SessionContext, useSessionState } from './session.ts';
import { SettingsTab } from './settings/SettingsTab.tsx';
import { SyncBar } from './SyncBar.tsx';
import { EventsTab } from './events/EventsTab.tsx';
import { type Tab, Tabs } from './Tabs.tsx';

const tabs: Tab<TabId>[] = [
  { id: 'profile', label: messages.tabs.profile },
  { id: 'diagnostics', label: messages.tabs.diagnostics },
  { id: 'route', label: messages.tabs.route },
  { id: 'courses', label: messages.tabs.courses },
  { id: 'events', label: messages.tabs.events },
  { id: 'mentoring', label: messages.tabs.mentoring },
  { id: 'recommendations', label: messages.tabs.recommendations },
  { id: 'settings', label: messages.tabs.settings },
];

/** The connected teacher's panel: the sync line above its tabs. */
export function TeacherPanel({ session, state, onSignedOut }: { session: SessionView; state: PanelState; onSignedOut: () => void }) {
  const value = useSessionState(session);
  const [tab, setTab] = useState<TabId>('profile');
  const [instrumentToStart, setInstrumentToStart] = useState<string | null>(null);
  const navigate = (to: TabId, instrumentId?: string) => {
    setInstrumentToStart(instrumentId ?? null);
    setTab(to);
  };
  return (
    <SessionContext.Provider value={value}>
      <NavigationContext.Provider value={navigate}>
        <p class="panel__teacher">
          <strong>{session.teacher.name}</strong>
          <br />
          {session.teacher.school}
        </p>
        <SyncBar />
        <Tabs tabs={tabs} selected={tab} onSelect={(id) => navigate(id)} label={messages.tabs.label}>
          {tab === 'profile' && <ProfileTab />}
          {tab === 'diagnostics' && <DiagnosticsTab startInstrument={instrumentToStart} />}
          {tab === 'route' && <RouteTab />}
          {tab === 'courses' && <CoursesTab />}
          {tab === 'events' && <EventsTab />}
          {tab === 'mentoring' && <MentoringTab />}
          {tab === 'recommendations' && <RecommendationsTab />}
          {tab === 'settings' && <SettingsTab state={state} onSignedOut={onSignedOut} />}
        </Tabs>
      </NavigationContext.Provider>
    </SessionContext.Provider>
  );
}
