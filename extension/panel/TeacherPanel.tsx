import { useState } from 'preact/hooks';
import type { PanelState } from '../background/protocol.ts';
import { messages } from '../messages.ts';
import type { SessionView } from '../sync/sessions.ts';
import type { MyConsultationsResponse } from '../../shared/api/consultations.ts';
import { ConsultationsTab, unansweredCount } from './consultations/ConsultationsTab.tsx';
import { CoursesTab } from './courses/CoursesTab.tsx';
import { DiagnosticsTab } from './diagnostics/DiagnosticsTab.tsx';
import { NavigationContext, type TabId } from './navigation.ts';
import { ProfileTab } from './profile/ProfileTab.tsx';
import { MentoringTab } from './mentoring/MentoringTab.tsx';
import { RouteTab } from './route/RouteTab.tsx';
import { RecommendationsTab } from './recommendations/RecommendationsTab.tsx';
import { SessionContext, useResource, useSession, useSessionState } from './session.ts';
import { SettingsTab } from './settings/SettingsTab.tsx';
import { SyncBar } from './SyncBar.tsx';
import { EventsTab } from './events/EventsTab.tsx';
import type { MyCampaignsResponse } from '../../shared/api/campaigns.ts';
import { untakenCount } from './campaigns/CampaignNotice.tsx';
import { type Tab, Tabs } from './Tabs.tsx';

const tabs: Tab<TabId>[] = [
  { id: 'profile', label: messages.tabs.profile },
  { id: 'diagnostics', label: messages.tabs.diagnostics },
  { id: 'route', label: messages.tabs.route },
  { id: 'courses', label: messages.tabs.courses },
  { id: 'events', label: messages.tabs.events },
  { id: 'mentoring', label: messages.tabs.mentoring },
  { id: 'recommendations', label: messages.tabs.recommendations },
  { id: 'consultations', label: messages.tabs.consultations },
  { id: 'settings', label: messages.tabs.settings },
];

/** The tabs, «Консультации» with the number of open consultations she has not answered yet. */
function useMarkedTabs(): Tab<TabId>[] {
  const { sync } = useSession();
  const { loaded } = useResource<MyConsultationsResponse>({ name: 'consultations' });
  const waiting = unansweredCount(loaded && loaded.kind !== 'error' ? loaded.data : { minGroup: 0, items: [] }, new Set(sync.entries.map((e) => e.key)));
  // «Диагностика» is marked while an open campaign awaits her diagnostic (issues 22, 23).
  const campaigns = useResource<MyCampaignsResponse>({ name: 'campaigns' }).loaded;
  const untaken = untakenCount(
    campaigns && campaigns.kind !== 'error' ? campaigns.data : { items: [] },
    sync.entries.some((e) => e.kind === 'attempt'),
  );
  const marked = untaken === 0 ? tabs : tabs.map((tab) => (tab.id === 'diagnostics' ? { ...tab, label: messages.tabs.diagnosticsWaiting } : tab));
  return waiting === 0 ? marked : marked.map((tab) => (tab.id === 'consultations' ? { ...tab, label: messages.tabs.consultationsWaiting(waiting) } : tab));
}

/** The tabs and the open one, inside the session's context (the mark reads her consultations and outbox). */
function MarkedTabs({
  tab,
  navigate,
  instrumentToStart,
  state,
  onSignedOut,
}: {
  tab: TabId;
  navigate: (to: TabId, instrumentId?: string) => void;
  instrumentToStart: string | null;
  state: PanelState;
  onSignedOut: () => void;
}) {
  const marked = useMarkedTabs();
  return (
    <Tabs tabs={marked} selected={tab} onSelect={(id) => navigate(id)} label={messages.tabs.label}>
      {tab === 'profile' && <ProfileTab />}
      {tab === 'diagnostics' && <DiagnosticsTab startInstrument={instrumentToStart} />}
      {tab === 'route' && <RouteTab />}
      {tab === 'courses' && <CoursesTab />}
      {tab === 'events' && <EventsTab />}
      {tab === 'mentoring' && <MentoringTab />}
      {tab === 'recommendations' && <RecommendationsTab />}
      {tab === 'consultations' && <ConsultationsTab />}
      {tab === 'settings' && <SettingsTab state={state} onSignedOut={onSignedOut} />}
    </Tabs>
  );
}

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
        <MarkedTabs tab={tab} navigate={navigate} instrumentToStart={instrumentToStart} state={state} onSignedOut={onSignedOut} />
      </NavigationContext.Provider>
    </SessionContext.Provider>
  );
}
