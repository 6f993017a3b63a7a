import { useState } from 'preact/hooks';
import type { CatalogueProgram, CatalogueRun, ProgramsResponse } from '../../../shared/api/programs.ts';
import { competencyIds, programFormats } from '../../../shared/competencies.ts';
import { runHasEnded } from '../../../shared/run-dates.ts';
import { formatDate, messages } from '../../messages.ts';
import { LoadedView } from '../LoadedView.tsx';
import { newId } from '../new-id.ts';
import { useResource, useSession } from '../session.ts';

const t = messages.courses;
const pageSize = 10;

interface Filters {
  q: string;
  competency: string;
  format: string;
  startingAfter: string;
}

const emptyFilters: Filters = { q: '', competency: '', format: '', startingAfter: '' };

function queryOf(filters: Filters, pages: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  query.set('limit', String(Math.min(100, pageSize * pages)));
  return query.toString();
}

/** The searchable catalogue: competency, format, dates and words of the title; sign-up and cancellation. */
export function Catalogue() {
  const [draft, setDraft] = useState<Filters>(emptyFilters);
  const [filters, setFilters] = useState<Filters>(emptyFilters);
  const [pages, setPages] = useState(1);
  const { loaded, reload } = useResource<ProgramsResponse>({ name: 'programs', query: queryOf(filters, pages) });
  const field = (name: keyof Filters) => ({
    value: draft[name],
    onInput: (event: Event) => setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value }),
  });

  return (
    <>
      <form
        class="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setPages(1);
          setFilters(draft);
        }}
      >
        <label class="field__label" for="profrost-q">
          {t.search}
        </label>
        <input id="profrost-q" class="input" type="search" {...field('q')} />
        <div class="filters__row">
          <FilterSelect label={t.competency} anyLabel={t.any} {...field('competency')} options={competencyIds.map((id) => [id, messages.competencies[id]])} />
          <FilterSelect label={t.format} anyLabel={t.anyFormat} {...field('format')} options={programFormats.map((id) => [id, t.formats[id]])} />
          <label>
            <span class="field__label">{t.startingAfter}</span>
            <input class="input" type="date" {...field('startingAfter')} />
          </label>
        </div>
        <button type="submit" class="button">
          {t.find}
        </button>
      </form>
      <LoadedView loaded={loaded} reload={reload}>
        {(data) => (
          <>
            <p role="status">{data.total === 0 ? t.nothingFound : t.found(data.total)}</p>
            <ul class="cards">
              {data.items.map((program) => (
                <ProgramCard key={program.id} program={program} />
              ))}
            </ul>
            {data.items.length < data.total && data.items.length < 100 && (
              <button type="button" class="button" onClick={() => setPages(pages + 1)}>
                {t.more}
              </button>
            )}
          </>
        )}
      </LoadedView>
    </>
  );
}

function FilterSelect({
  label,
  anyLabel,
  value,
  onInput,
  options,
}: {
  label: string;
  anyLabel: string;
  value: string;
  onInput: (event: Event) => void;
  options: [string, string][];
}) {
  return (
    <label>
      <span class="field__label">{label}</span>
      <select class="input" value={value} onChange={onInput}>
        <option value="">{anyLabel}</option>
        {options.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

function ProgramCard({ program }: { program: CatalogueProgram }) {
  return (
    <li class="card" data-program={program.id}>
      <h4 class="card__title">{program.title}</h4>
      <p class="card__meta">
        {program.provider} · {t.hours(program.hours)} · {t.formats[program.format]} · {program.competencies.map((c) => messages.competencies[c]).join(', ')}
      </p>
      {program.registryUrl && (
        <p class="card__meta">
          <a href={program.registryUrl} target="_blank" rel="noreferrer noopener">
            {t.registry}
          </a>
        </p>
      )}
      <ul class="runs">
        {program.runs.map((run) => (
          <RunRow key={run.id} program={program} run={run} />
        ))}
      </ul>
    </li>
  );
}

function RunRow({ program, run }: { program: CatalogueProgram; run: CatalogueRun }) {
  const { session, sync, change } = useSession();
  const waitingSignUp = sync.entries.find((e) => e.kind === 'signUp' && (e.request.body as { runId: string }).runId === run.id && e.state === 'pending');
  const mine = run.myEnrollment;
  const waitingCancel = mine && sync.entries.some((e) => e.key === `cancel:${mine.id}` && e.state === 'pending');
  const free = Math.max(0, run.seats - run.seatsTaken);
  const label = `${program.title} (${formatDate(run.start)} — ${formatDate(run.end)})`;

  const signUp = () => change({ kind: 'signUp', enrollmentId: newId(), programId: program.id, runId: run.id, label });
  const cancel = (enrollmentId: string) => window.confirm(t.cancelConfirm) && change({ kind: 'cancelEnrollment', enrollmentId, label });

  let status: string | null = null;
  let action = null;
  const ended = runHasEnded(run, new Date());
  if (waitingSignUp) {
    status = t.pendingSignUp;
    action = (
      <button type="button" class="link" onClick={() => void cancel(waitingSignUp.key.slice('signUp:'.length))}>
        {t.cancel}
      </button>
    );
  } else if (mine && mine.status !== 'cancelled') {
    status = waitingCancel
      ? t.pendingCancel
      : `${t.statuses[mine.status]}${mine.waitlistPosition !== null ? `, ${t.waitlistPosition(mine.waitlistPosition)}` : ''}`;
    if (mine.status !== 'completed' && !waitingCancel) {
      action = (
        <button type="button" class="link" onClick={() => void cancel(mine.id)}>
          {t.cancel}
        </button>
      );
    }
  } else if (ended) {
    // The server would refuse it: a run that has ended offers no sign-up, only says so.
    status = t.runEnded;
  } else if (program.municipality !== null && program.municipality !== session.teacher.municipality) {
    // A local programme of another municipality takes only its own teachers (the server refuses the rest).
    status = t.otherMunicipality(program.municipality);
  } else {
    action = (
      <button type="button" class="button" onClick={() => void signUp()} aria-label={`${free > 0 ? t.signUp : t.joinWaitlist}: ${label}`}>
        {free > 0 ? t.signUp : t.joinWaitlist}
      </button>
    );
  }
  return (
    <li class="run" data-run={run.id}>
      <span>{t.run(formatDate(run.start), formatDate(run.end))}</span>
      {!ended && (
        <>
          {' · '}
          <span>{free > 0 ? t.seats(free, run.seats) : t.full(run.waitlisted)}</span>
        </>
      )}
      {status && (
        <p class="run__status" data-enrollment-status={waitingSignUp ? 'pending' : (mine?.status ?? (ended ? 'ended' : undefined))}>
          {status}
        </p>
      )}
      {action}
    </li>
  );
}
