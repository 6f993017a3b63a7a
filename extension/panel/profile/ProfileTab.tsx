import type { TeacherRecord } from '../../../shared/api/me.ts';
import type { ProfileResponse } from '../../../shared/api/profile.ts';
import { competencyIds, type CompetencyId } from '../../../shared/competencies.ts';
import { messages } from '../../messages.ts';
import { LoadedView } from '../LoadedView.tsx';
import { useResource } from '../session.ts';
import { type ChartRow, CompetencyChart } from './CompetencyChart.tsx';

const t = messages.profile;

/** The latest comparable change of a competency between two sittings of the same instrument. */
function growthOf(profile: ProfileResponse, competency: CompetencyId): number | null {
  const entries = (profile.growth.competencies[competency] ?? []).filter((entry) => entry.delta !== null);
  entries.sort((a, b) => b.latest.completedAt.localeCompare(a.latest.completedAt));
  return entries[0]?.delta ?? null;
}

function rowsOf(profile: ProfileResponse): ChartRow[] {
  return competencyIds.map((competency) => {
    const standing = profile.profile.competencies[competency];
    return { competency, score: standing?.score ?? null, level: standing?.level ?? 'insufficientData', delta: growthOf(profile, competency) };
  });
}

/** «Мой профиль»: the competency chart, deficits, growth, and what the roster says about the teacher. */
export function ProfileTab() {
  const profile = useResource<ProfileResponse>({ name: 'profile' });
  const me = useResource<TeacherRecord>({ name: 'me' });
  return (
    <div class="tab tab--profile">
      <LoadedView loaded={profile.loaded} reload={profile.reload}>
        {(data) => <Competencies profile={data} />}
      </LoadedView>
      <LoadedView loaded={me.loaded} reload={me.reload}>
        {(data) => <About me={data} />}
      </LoadedView>
    </div>
  );
}

function Competencies({ profile }: { profile: ProfileResponse }) {
  const rows = rowsOf(profile);
  if (rows.every((row) => row.score === null)) return <p class="note">{t.noResults}</p>;
  return (
    <section aria-labelledby="profrost-profile-title">
      <h3 id="profrost-profile-title">{t.chartTitle}</h3>
      <CompetencyChart rows={rows} />
      <ul class="competencies">
        {rows.map((row) => (
          <li
            key={row.competency}
            class={row.level.endsWith('Deficit') && row.level !== 'noDeficit' ? 'competencies__item competencies__item--deficit' : 'competencies__item'}
            data-competency={row.competency}
          >
            <strong>{messages.competencies[row.competency]}</strong>:{' '}
            {row.score === null ? messages.levels.insufficientData : `${t.score(row.score)}, ${messages.levels[row.level]}`}
            {row.delta !== null && <span class={`growth ${row.delta >= 0 ? 'growth--up' : 'growth--down'}`}> ({t.growth(row.delta)})</span>}
          </li>
        ))}
      </ul>
      {profile.profile.wellbeing.score !== null && (
        <p class="note" data-wellbeing={profile.profile.wellbeing.level}>
          {t.wellbeing(messages.levels[profile.profile.wellbeing.level])}
        </p>
      )}
      {/* Each deficit is said once, in the list above (its level beside its score); here only its weakest indicators, or that there are none. */}
      {profile.profile.deficits.length === 0 ? (
        <p>{t.noDeficits}</p>
      ) : (
        profile.profile.deficits.map(
          (deficit) =>
            (profile.weakIndicators[deficit.competency]?.length ?? 0) > 0 && (
              <ul key={deficit.competency} class="weak-indicators" aria-label={t.weakIndicators(messages.competencies[deficit.competency])}>
                {profile.weakIndicators[deficit.competency]!.map((indicator) => (
                  <li key={indicator.id}>
                    {indicator.title} — {t.score(indicator.score)}
                  </li>
                ))}
              </ul>
            ),
        )
      )}
    </section>
  );
}

function About({ me }: { me: TeacherRecord }) {
  const category = me.category
    ? [t.categoryLevels[me.category.level], me.category.status && t.categoryStatuses[me.category.status]].filter(Boolean).join(', ')
    : t.notStated;
  return (
    <section aria-labelledby="profrost-about-title">
      <h3 id="profrost-about-title">{t.aboutTitle}</h3>
      <dl class="facts">
        <dt>{t.position}</dt>
        <dd>{me.position || t.notStated}</dd>
        <dt>{t.category}</dt>
        <dd>{category}</dd>
        <dt>{t.experience}</dt>
        <dd>{me.experienceYears === null ? t.notStated : t.years(me.experienceYears)}</dd>
        <dt>{t.earlyCareer}</dt>
        <dd>{me.earlyCareer === null ? t.notStated : me.earlyCareer ? t.earlyCareerYes : t.earlyCareerNo}</dd>
      </dl>
    </section>
  );
}
