/**
 * The schema, one migration per step. A migration is never edited once
 * released: a change of schema is a new entry at the end. The database's
 * `user_version` is the number of migrations applied.
 */
export const migrations: readonly string[] = [
  // 1: the republic's hierarchy, teachers and their enrolment, staff and the council.
  `
  CREATE TABLE municipalities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );

  CREATE TABLE schools (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id),
    name TEXT NOT NULL,
    UNIQUE (municipality_id, name)
  );

  CREATE TABLE teachers (
    id INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    middle_name TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    subjects TEXT NOT NULL DEFAULT '',
    experience_years INTEGER,
    created_at TEXT NOT NULL
  );
  CREATE INDEX teachers_school ON teachers(school_id);

  -- One-time codes a teacher exchanges for a device token; only the hash is kept.
  CREATE TABLE enrollment_codes (
    id INTEGER PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );

  CREATE TABLE devices (
    id INTEGER PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );

  CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('methodist', 'admin')),
    municipality_id INTEGER REFERENCES municipalities(id),
    created_at TEXT NOT NULL,
    CHECK (role = 'admin' OR municipality_id IS NOT NULL)
  );

  CREATE TABLE council_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );

  -- Facts about the installation itself, such as whether demo data was seeded.
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,

  // 2: diagnostics, the programme catalogue, sign-ups, routes, and the staff audit log.
  `
  ALTER TABLE teachers ADD COLUMN category TEXT NOT NULL DEFAULT '';
  ALTER TABLE teachers ADD COLUMN preferences_json TEXT NOT NULL DEFAULT '{}';
  -- Set when the teacher erased their personal data: the row stays, nameless, so counts stay right.
  ALTER TABLE teachers ADD COLUMN erased_at TEXT;

  CREATE TABLE instruments (
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    definition_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
  );

  -- One sitting of an instrument. The id comes from the client so that a retry
  -- is recognised; request_hash tells a retry from a different body under the same id.
  CREATE TABLE attempts (
    id TEXT PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    instrument_id TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    completed_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    result_json TEXT NOT NULL,
    FOREIGN KEY (instrument_id, instrument_version) REFERENCES instruments(id, version)
  );
  CREATE INDEX attempts_teacher ON attempts(teacher_id, instrument_id, completed_at);

  -- Per-area scores written with the attempt, so that summaries never re-score raw answers.
  CREATE TABLE attempt_scores (
    attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    area TEXT NOT NULL,
    score REAL,
    level TEXT NOT NULL,
    PRIMARY KEY (attempt_id, area)
  );

  CREATE TABLE programs (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    provider TEXT NOT NULL,
    hours INTEGER NOT NULL,
    format TEXT NOT NULL,
    competencies_json TEXT NOT NULL,
    municipality_id INTEGER REFERENCES municipalities(id),
    registry_url TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE program_runs (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    seats INTEGER NOT NULL CHECK (seats >= 0)
  );
  CREATE INDEX program_runs_program ON program_runs(program_id, start_date);

  -- A sign-up; the id comes from the client, like attempts. The waitlist order is queued_seq.
  CREATE TABLE enrollments (
    id TEXT PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    run_id TEXT NOT NULL REFERENCES program_runs(id),
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'completed')),
    queued_seq INTEGER NOT NULL,
    request_hash TEXT NOT NULL,
    feedback_json TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX enrollments_run ON enrollments(run_id, status, queued_seq);
  CREATE INDEX enrollments_teacher ON enrollments(teacher_id);

  -- The teacher's ИОМ: seeded from the route builder, then the teacher's own.
  CREATE TABLE route_items (
    id TEXT NOT NULL,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    competency TEXT NOT NULL,
    kind TEXT NOT NULL,
    program_id TEXT,
    run_id TEXT,
    reason TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'postponed', 'done')),
    planned_date TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (teacher_id, id)
  );

  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    details_json TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX audit_log_at ON audit_log(at);
  `,
  // Staff sign-in for the admin pages: sessions (only a hash of the id is kept), a
  // per-login lockout after failed attempts, and uploads kept between a preview and its confirmation.
  `
  ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE staff ADD COLUMN locked_until TEXT;

  CREATE TABLE staff_sessions (
    id_hash TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    -- A one-time notice for the next page (after a POST and its redirect).
    flash TEXT
  );
  CREATE INDEX staff_sessions_expiry ON staff_sessions(expires_at);

  -- An uploaded file between its preview and the confirmation, or enrolment codes
  -- between their issue and their download; tied to one session and short-lived.
  CREATE TABLE staff_uploads (
    id TEXT PRIMARY KEY,
    session_hash TEXT NOT NULL REFERENCES staff_sessions(id_hash) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    content BLOB NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX staff_uploads_session ON staff_uploads(session_hash);
  `,

  // Report aggregates (server/features/aggregates/): each teacher's standing per учебный год and the counts
  // summed from it, kept up to date in the transaction of every attempt write, so that the
  // dashboard and the council's summaries read a few thousand rows instead of every attempt.
  `
  -- A teacher's standing in one competency in one period (their current profile from the
  -- attempts completed in that period). The school, municipality and experience band are
  -- those the counts below were incremented under, so a later move is subtracted exactly.
  CREATE TABLE report_standings (
    period TEXT NOT NULL,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    area TEXT NOT NULL,
    score REAL,
    level TEXT NOT NULL,
    school_id INTEGER NOT NULL,
    municipality_id INTEGER NOT NULL,
    band TEXT NOT NULL,
    PRIMARY KEY (period, teacher_id, area)
  ) WITHOUT ROWID;
  CREATE INDEX report_standings_teacher ON report_standings(teacher_id, period);
  CREATE INDEX report_standings_school ON report_standings(period, school_id);
  -- Participation counts teachers with a device; without this each lookup scans every device.
  CREATE INDEX IF NOT EXISTS devices_teacher ON devices(teacher_id);

  -- Counts per unit: grain 's' is a school (band '*'), grain 'm' a municipality per experience band.
  CREATE TABLE report_levels (
    period TEXT NOT NULL,
    grain TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    band TEXT NOT NULL,
    area TEXT NOT NULL,
    level TEXT NOT NULL,
    teachers INTEGER NOT NULL,
    score_sum REAL NOT NULL,
    PRIMARY KEY (period, grain, unit_id, band, area, level)
  ) WITHOUT ROWID;

  -- Teachers with a standing in at least one competency in the period.
  CREATE TABLE report_diagnosed (
    period TEXT NOT NULL,
    grain TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    band TEXT NOT NULL,
    teachers INTEGER NOT NULL,
    PRIMARY KEY (period, grain, unit_id, band)
  ) WITHOUT ROWID;

  -- Teachers scored in a competency both in the period and in the one before it.
  CREATE TABLE report_growth (
    period TEXT NOT NULL,
    grain TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    band TEXT NOT NULL,
    area TEXT NOT NULL,
    teachers INTEGER NOT NULL,
    before_sum REAL NOT NULL,
    after_sum REAL NOT NULL,
    deficit_before INTEGER NOT NULL,
    deficit_after INTEGER NOT NULL,
    PRIMARY KEY (period, grain, unit_id, band, area)
  ) WITHOUT ROWID;
  `,
  // Write-behind for the report aggregates (server/features/aggregates/store/pending.ts): an attempt's transaction
  // only notes whose standing to recompute, and the server applies the notes when it is not busy
  // answering teachers, or before a report is read.
  `
  -- A teacher whose standing in a period is to be recomputed from their attempts.
  CREATE TABLE report_pending (
    teacher_id INTEGER NOT NULL,
    period TEXT NOT NULL,
    PRIMARY KEY (teacher_id, period)
  ) WITHOUT ROWID;
  `,
  // 6: attempts get an integer key that grows with every insert, and their per-area scores are
  // keyed by it: a batch of scores is then appended to the end of one page instead of each
  // attempt's landing on a page of its own under its random UUID (every page a commit touches is
  // written to the WAL and later copied back). A retry is told from a different submission by
  // comparing what is stored (server/features/diagnostics/same-submission.ts), so request_hash goes.
  // DROP TABLE runs an implicit DELETE, hence the child table first.
  `
  CREATE TABLE attempts_v6 (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    instrument_id TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    completed_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    result_json TEXT NOT NULL,
    FOREIGN KEY (instrument_id, instrument_version) REFERENCES instruments(id, version)
  );
  INSERT INTO attempts_v6 (seq, id, teacher_id, instrument_id, instrument_version, completed_at, received_at, answers_json, result_json)
    SELECT rowid, id, teacher_id, instrument_id, instrument_version, completed_at, received_at, answers_json, result_json
    FROM attempts ORDER BY rowid;

  CREATE TABLE attempt_scores_v6 (
    attempt_seq INTEGER NOT NULL REFERENCES attempts_v6(seq) ON DELETE CASCADE,
    area TEXT NOT NULL,
    score REAL,
    level TEXT NOT NULL,
    PRIMARY KEY (attempt_seq, area)
  ) WITHOUT ROWID;
  INSERT INTO attempt_scores_v6 (attempt_seq, area, score, level)
    SELECT a.seq, s.area, s.score, s.level FROM attempt_scores s JOIN attempts_v6 a ON a.id = s.attempt_id;

  DROP TABLE attempt_scores;
  DROP TABLE attempts;
  ALTER TABLE attempts_v6 RENAME TO attempts;
  ALTER TABLE attempt_scores_v6 RENAME TO attempt_scores;
  CREATE INDEX attempts_teacher ON attempts(teacher_id, instrument_id, completed_at);
  `,
  // 7: the report aggregates follow the attempts and the teachers by themselves: a new attempt, or
  // a teacher's changed experience (which moves them to another band), notes the standings to
  // recompute (server/features/aggregates/store/pending.ts). The notes were written by the attempts'
  // and the profile's own code before, which made those stores call up into the reports. The period
  // is periodOf (server/features/aggregates/period.ts) in SQL: the date the teacher's clock wrote,
  // 1 September starts the year; a test holds the two to the same answer. Erasure keeps the band
  // the teacher had, as before.
  `
  CREATE TRIGGER attempts_note_standing AFTER INSERT ON attempts BEGIN
    INSERT OR IGNORE INTO report_pending (teacher_id, period) VALUES (
      NEW.teacher_id,
      CASE WHEN substr(NEW.completed_at, 6, 2) >= '09'
        THEN substr(NEW.completed_at, 1, 4) || '-' || (CAST(substr(NEW.completed_at, 1, 4) AS INTEGER) + 1)
        ELSE (CAST(substr(NEW.completed_at, 1, 4) AS INTEGER) - 1) || '-' || substr(NEW.completed_at, 1, 4)
      END);
  END;

  CREATE TRIGGER teachers_note_standings AFTER UPDATE OF experience_years ON teachers
  WHEN OLD.experience_years IS NOT NEW.experience_years AND NEW.erased_at IS NULL BEGIN
    INSERT OR IGNORE INTO report_pending (teacher_id, period)
      SELECT DISTINCT teacher_id, period FROM report_standings WHERE teacher_id = NEW.id;
  END;
  `,
  // 8: the one-time codes are connection codes: a browser's extension connects with one, and
  // "enrollment" names only a sign-up for a programme run (docs/DOMAIN.md).
  `
  ALTER TABLE enrollment_codes RENAME TO connection_codes;
  `,
  // speed: «Педагоги» on indexed reads (server/features/teachers/directory-store.ts). The list is
  // ordered by name from an index; a name search reads an FTS5 trigram index of the folded full name
  // (foldText: any case, ё as е), kept in a stored column that the server fills (a fold is JavaScript's,
  // so a row written elsewhere gets NULL there and is folded before the next search); a deficit filter
  // reads each teacher's current standing, kept by the report aggregates (server/features/aggregates/).
  `
  ALTER TABLE teachers ADD COLUMN name_folded TEXT;
  -- Partial: the list shows no erased teacher; with the folded name it holds all that a count, a deep page or a
  -- name search walking the list's order reads.
  CREATE INDEX teachers_name ON teachers(last_name, first_name, middle_name, name_folded) WHERE erased_at IS NULL;
  CREATE INDEX teachers_unfolded ON teachers(id) WHERE name_folded IS NULL;
  CREATE VIRTUAL TABLE teacher_names USING fts5(name_folded, content = 'teachers', content_rowid = 'id', tokenize = 'trigram case_sensitive 1');
  CREATE TRIGGER teachers_name_changed AFTER UPDATE OF last_name, first_name, middle_name ON teachers BEGIN
    UPDATE teachers SET name_folded = NULL WHERE id = NEW.id;
  END;
  CREATE TRIGGER teachers_name_inserted AFTER INSERT ON teachers WHEN NEW.name_folded IS NOT NULL BEGIN
    INSERT INTO teacher_names (rowid, name_folded) VALUES (NEW.id, NEW.name_folded);
  END;
  CREATE TRIGGER teachers_name_folded AFTER UPDATE OF name_folded ON teachers BEGIN
    INSERT INTO teacher_names (teacher_names, rowid, name_folded) SELECT 'delete', OLD.id, OLD.name_folded WHERE OLD.name_folded IS NOT NULL;
    INSERT INTO teacher_names (rowid, name_folded) SELECT NEW.id, NEW.name_folded WHERE NEW.name_folded IS NOT NULL;
  END;
  CREATE TRIGGER teachers_name_deleted AFTER DELETE ON teachers WHEN OLD.name_folded IS NOT NULL BEGIN
    INSERT INTO teacher_names (teacher_names, rowid, name_folded) VALUES ('delete', OLD.id, OLD.name_folded);
  END;

  -- A teacher's current standing per competency (their current profile from every competency
  -- attempt, whatever the period), kept with the report aggregates, with the teacher's school and
  -- municipality (a teacher does not change school; as in report_standings), so that counting the
  -- teachers with a deficit reads one index. An erased teacher's standing goes with their name.
  CREATE TABLE teacher_standings (
    teacher_id INTEGER NOT NULL,
    area TEXT NOT NULL,
    score REAL,
    level TEXT NOT NULL,
    school_id INTEGER NOT NULL,
    municipality_id INTEGER NOT NULL,
    PRIMARY KEY (teacher_id, area)
  ) WITHOUT ROWID;
  CREATE INDEX teacher_standings_level ON teacher_standings(area, level, municipality_id, school_id);
  -- The audit page's action filter lists the actions logged (server/features/audit/store.ts).
  CREATE INDEX audit_log_action ON audit_log(action);
  CREATE TRIGGER teachers_erased_standings AFTER UPDATE OF erased_at ON teachers WHEN NEW.erased_at IS NOT NULL BEGIN
    DELETE FROM teacher_standings WHERE teacher_id = NEW.id;
  END;
  `,
  // trust: consent on the server. Each connection brings the version of the consent text the
  // teacher accepted, the moment on the device's clock and the device; the server keeps them with its
  // own time of receipt. Withdrawal (or erasure) marks them and blanks the device's label, and keeps
  // the record that consent was given and withdrawn. A staff account can be disabled
  // (`profrost staff disable`): it signs in no more and its sessions end.
  `
  CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    device_id INTEGER REFERENCES devices(id) ON DELETE SET NULL,
    device_label TEXT NOT NULL,
    version TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    withdrawn_at TEXT
  );
  CREATE INDEX consents_teacher ON consents(teacher_id);
  ALTER TABLE staff ADD COLUMN disabled_at TEXT;
  `,
  // trust: the burnout screening's description said its results go into the statistics «обобщённо»,
  // but no summary holds them: they are seen by the teacher alone. The description is what a teacher
  // reads before answering, not what scores an answer, so version 1 keeps its number and gets the
  // true sentence (shared/content/instruments/burnout-screening.ts says the same for new databases).
  `
  UPDATE instruments SET definition_json = json_set(definition_json, '$.description', 'Короткий опрос о том, как вы себя чувствуете в профессии. Он не ставит диагноз и не оценивает ваш профессионализм, а помогает вовремя заметить усталость и позаботиться о себе. Отметьте, как часто за последний месяц с вами происходило то, о чём говорится в утверждении. Ваши ответы и результат видите только вы. Они хранятся на сервере вместе с остальными вашими данными, но ни администрация школы, ни методисты, ни экспертный совет их не получают: ни по отдельности, ни в сводной статистике. Удалить их можно вместе с остальными данными в настройках панели. Если опрос покажет повышенный риск, это не повод винить себя: усталость в нашей профессии встречается часто, и с ней можно справиться. Поговорите с коллегой, которому доверяете, или с педагогом-психологом, а в каталоге вы найдёте программы по профилактике профессионального выгорания.')
    WHERE id = 'burnoutScreening' AND version = 1;
  `,
  // identity (issue 15): the loop back from the field. A page's skeleton reported by a teacher
  // (no text, no values: shared/api/journal-reports.ts), and detection counted per journal and host;
  // a batch's id is kept so that a batch sent twice is counted once. No teacher is stored with either.
  `
  CREATE TABLE journal_reports (
    id TEXT PRIMARY KEY,
    journal TEXT NOT NULL,
    host TEXT NOT NULL,
    reason TEXT NOT NULL,
    skeleton_json TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  CREATE INDEX journal_reports_received ON journal_reports(received_at);
  CREATE TABLE journal_detection_batches (
    id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE journal_detection_counts (
    journal TEXT NOT NULL,
    host TEXT NOT NULL,
    pages_seen INTEGER NOT NULL DEFAULT 0,
    identity_read INTEGER NOT NULL DEFAULT 0,
    confirmed INTEGER NOT NULL DEFAULT 0,
    corrected INTEGER NOT NULL DEFAULT 0,
    launcher_failed INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (journal, host)
  ) WITHOUT ROWID;
  `,
  // iom: a living ИОМ (issue 16). The route is rebuilt when it changes, not when it is read: a new attempt or
  // a sign-up of the teacher notes the teacher in route_pending; a catalogue change that can change any route
  // (a run added, edited or removed, a programme edited, a run filling or a seat freed) moves route_catalogue's
  // generation on, and a route built from an older generation (or on an earlier day, since runs start and end)
  // is rebuilt once. Items the builder no longer supports are retired (retired_at, retired_reason), never
  // deleted; route_versions keeps each version's items; routes holds the version and the согласование.
  `
  ALTER TABLE route_items ADD COLUMN description TEXT NOT NULL DEFAULT '';
  ALTER TABLE route_items ADD COLUMN planned_month TEXT;
  ALTER TABLE route_items ADD COLUMN indicators_json TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE route_items ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE route_items ADD COLUMN retired_at TEXT;
  ALTER TABLE route_items ADD COLUMN retired_reason TEXT;
  ALTER TABLE route_items ADD COLUMN evidence_json TEXT;
  ALTER TABLE route_items ADD COLUMN evidence_confirmed_at TEXT;
  ALTER TABLE route_items ADD COLUMN evidence_confirmed_by TEXT;
  ALTER TABLE route_items ADD COLUMN comment TEXT;
  ALTER TABLE route_items ADD COLUMN comment_by TEXT;
  ALTER TABLE route_items ADD COLUMN comment_at TEXT;
  ALTER TABLE route_items ADD COLUMN done_at TEXT;
  ALTER TABLE route_items ADD COLUMN position INTEGER NOT NULL DEFAULT 0;

  ALTER TABLE programs ADD COLUMN indicators_json TEXT NOT NULL DEFAULT '[]';

  CREATE TABLE routes (
    teacher_id INTEGER PRIMARY KEY REFERENCES teachers(id),
    version INTEGER NOT NULL,
    built_at TEXT NOT NULL,
    built_day TEXT NOT NULL,
    catalogue_generation INTEGER NOT NULL,
    -- 1 once the route was built from at least one scored diagnostic.
    diagnosed INTEGER NOT NULL DEFAULT 0,
    agreement TEXT NOT NULL DEFAULT 'draft' CHECK (agreement IN ('draft', 'submitted', 'agreed')),
    submitted_at TEXT,
    agreed_at TEXT,
    agreed_by TEXT,
    agreed_version INTEGER
  );

  CREATE TABLE route_versions (
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    cause TEXT NOT NULL,
    items_json TEXT NOT NULL,
    PRIMARY KEY (teacher_id, version)
  );

  CREATE TABLE route_pending (teacher_id INTEGER PRIMARY KEY);

  CREATE TABLE route_catalogue (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL);
  INSERT INTO route_catalogue (id, generation) VALUES (1, 0);

  CREATE TRIGGER attempts_note_route AFTER INSERT ON attempts BEGIN
    INSERT OR IGNORE INTO route_pending (teacher_id) VALUES (NEW.teacher_id);
  END;
  CREATE TRIGGER enrollments_note_route AFTER INSERT ON enrollments BEGIN
    INSERT OR IGNORE INTO route_pending (teacher_id) VALUES (NEW.teacher_id);
  END;
  CREATE TRIGGER enrollments_status_note_route AFTER UPDATE OF status ON enrollments WHEN OLD.status IS NOT NEW.status BEGIN
    INSERT OR IGNORE INTO route_pending (teacher_id) VALUES (NEW.teacher_id);
  END;
  -- A run fills: its held seats reach its seats.
  CREATE TRIGGER enrollments_run_fills AFTER INSERT ON enrollments
  WHEN NEW.status = 'confirmed' AND (SELECT count(*) FROM enrollments WHERE run_id = NEW.run_id AND status IN ('confirmed', 'completed'))
    >= (SELECT seats FROM program_runs WHERE id = NEW.run_id) BEGIN
    UPDATE route_catalogue SET generation = generation + 1 WHERE id = 1;
  END;
  -- A seat is freed (the run may open again).
  CREATE TRIGGER enrollments_seat_freed AFTER UPDATE OF status ON enrollments
  WHEN OLD.status = 'confirmed' AND NEW.status = 'cancelled' BEGIN
    UPDATE route_catalogue SET generation = generation + 1 WHERE id = 1;
  END;
  CREATE TRIGGER program_runs_added AFTER INSERT ON program_runs BEGIN
    UPDATE route_catalogue SET generation = generation + 1 WHERE id = 1;
  END;
  CREATE TRIGGER program_runs_changed AFTER UPDATE ON program_runs
  WHEN OLD.start_date IS NOT NEW.start_date OR OLD.end_date IS NOT NEW.end_date OR OLD.seats IS NOT NEW.seats BEGIN
    UPDATE route_catalogue SET generation = generation + 1 WHERE id = 1;
  END;
  CREATE TRIGGER program_runs_removed AFTER DELETE ON program_runs BEGIN
    UPDATE route_catalogue SET generation = generation + 1 WHERE id = 1;
  END;
  CREATE TRIGGER programs_changed AFTER UPDATE ON programs
  WHEN OLD.archived IS NOT NEW.archived OR OLD.competencies_json IS NOT NEW.competencies_json OR OLD.indicators_json IS NOT NEW.indicators_json
    OR OLD.format IS NOT NEW.format OR OLD.hours IS NOT NEW.hours OR OLD.municipality_id IS NOT NEW.municipality_id BEGIN
    UPDATE route_catalogue SET generation = generation + 1 WHERE id = 1;
  END;
  `,
  // suppression: the suppressed summaries' base is kept between requests (server/features/summaries/store/base.ts)
  // and is good while this generation stands. Every table the base reads bumps it when a change could
  // alter a summary: the aggregates (written behind by the refresher), the roster (school, experience),
  // devices (connected), schools and municipalities (names, the hierarchy). A change made by another
  // process (the CLI) bumps it too, since it is the database that counts.
  `
  CREATE TABLE summary_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
  );
  INSERT INTO summary_generation (id, generation) VALUES (1, 0);
  CREATE TRIGGER summary_generation_report_levels_insert AFTER INSERT ON report_levels
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_report_levels_delete AFTER DELETE ON report_levels
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_report_levels_update AFTER UPDATE ON report_levels
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_report_growth_insert AFTER INSERT ON report_growth
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_report_growth_delete AFTER DELETE ON report_growth
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_report_growth_update AFTER UPDATE ON report_growth
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_report_diagnosed_insert AFTER INSERT ON report_diagnosed
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_report_diagnosed_delete AFTER DELETE ON report_diagnosed
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_report_diagnosed_update AFTER UPDATE ON report_diagnosed
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_devices_insert AFTER INSERT ON devices
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_devices_delete AFTER DELETE ON devices
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_devices_update AFTER UPDATE OF teacher_id ON devices
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_teachers_insert AFTER INSERT ON teachers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_teachers_delete AFTER DELETE ON teachers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_teachers_update AFTER UPDATE OF school_id, experience_years ON teachers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_schools_insert AFTER INSERT ON schools
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_schools_delete AFTER DELETE ON schools
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_schools_update AFTER UPDATE OF municipality_id, name ON schools
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_municipalities_insert AFTER INSERT ON municipalities
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_municipalities_delete AFTER DELETE ON municipalities
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_municipalities_update AFTER UPDATE OF name ON municipalities
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  `,
  // The ИОМ's counts joined the summaries' base at the merge of «iom» and «suppression» (the participation
  // family reads routes and route_items): a route agreed, built or an item done moves the generation too.
  `
  CREATE TRIGGER summary_generation_routes_insert AFTER INSERT ON routes
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_routes_update AFTER UPDATE ON routes
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_routes_delete AFTER DELETE ON routes
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_route_items_insert AFTER INSERT ON route_items
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_route_items_update AFTER UPDATE OF status, done_at, private, retired_at ON route_items
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_route_items_delete AFTER DELETE ON route_items
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  `,
  // speed: the catalogue's listing (server/features/catalogue/program-store.ts, listPrograms) is kept between
  // requests while catalogue_listing's generation stands; anything the listing shows moves it on: a programme,
  // a run, a sign-up (seats taken, waitlisted) or a municipality's name, also when another process (the CLI) writes.
  `
  CREATE TABLE catalogue_listing (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL);
  INSERT INTO catalogue_listing (id, generation) VALUES (1, 0);
  CREATE TRIGGER catalogue_listing_programs_insert AFTER INSERT ON programs
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  CREATE TRIGGER catalogue_listing_programs_update AFTER UPDATE ON programs
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  CREATE TRIGGER catalogue_listing_programs_delete AFTER DELETE ON programs
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  CREATE TRIGGER catalogue_listing_runs_insert AFTER INSERT ON program_runs
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  CREATE TRIGGER catalogue_listing_runs_update AFTER UPDATE ON program_runs
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  CREATE TRIGGER catalogue_listing_runs_delete AFTER DELETE ON program_runs
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  CREATE TRIGGER catalogue_listing_enrollments_insert AFTER INSERT ON enrollments
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  CREATE TRIGGER catalogue_listing_enrollments_update AFTER UPDATE OF status, run_id ON enrollments
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  CREATE TRIGGER catalogue_listing_enrollments_delete AFTER DELETE ON enrollments
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  CREATE TRIGGER catalogue_listing_municipalities_update AFTER UPDATE OF name ON municipalities
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  CREATE TRIGGER catalogue_listing_municipalities_delete AFTER DELETE ON municipalities
    BEGIN UPDATE catalogue_listing SET generation = generation + 1 WHERE id = 1; END;
  `,
  // mentoring: the roster's birth year («до 35 лет»); teachers who offer to mentor, with the contact their mentees see;
  // mentoring pairs (at most one live pair per mentee) and the meetings a mentor logs, by the client's id (the outbox
  // resends). A meeting's note is the pair's alone: no staff page, export, summary or audit entry reads it.
  `
  ALTER TABLE teachers ADD COLUMN birth_year INTEGER;
  CREATE TABLE mentor_offers (
    teacher_id INTEGER PRIMARY KEY REFERENCES teachers(id) ON DELETE CASCADE,
    contact TEXT NOT NULL DEFAULT '',
    offered_at TEXT NOT NULL
  );
  CREATE TABLE mentoring_pairs (
    id INTEGER PRIMARY KEY,
    mentor_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    mentee_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    focus_json TEXT NOT NULL DEFAULT '[]',
    started_on TEXT NOT NULL,
    ends_on TEXT,
    assigned_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    end_requested_by TEXT CHECK (end_requested_by IN ('mentor', 'mentee')),
    end_request_reason TEXT,
    ended_at TEXT,
    end_reason TEXT,
    CHECK (mentor_id <> mentee_id)
  );
  CREATE UNIQUE INDEX mentoring_pairs_live_mentee ON mentoring_pairs(mentee_id) WHERE ended_at IS NULL;
  CREATE INDEX mentoring_pairs_mentor ON mentoring_pairs(mentor_id);
  CREATE TABLE mentoring_meetings (
    id TEXT PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES mentoring_pairs(id) ON DELETE CASCADE,
    held_on TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    competency TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL
  );
  CREATE INDEX mentoring_meetings_pair ON mentoring_meetings(pair_id, held_on);
  -- A teacher who erases her data leaves no note behind and no live pair.
  CREATE TRIGGER teachers_erased_mentoring AFTER UPDATE OF erased_at ON teachers WHEN NEW.erased_at IS NOT NULL BEGIN
    UPDATE mentoring_meetings SET note = '' WHERE pair_id IN (SELECT id FROM mentoring_pairs WHERE mentor_id = NEW.id OR mentee_id = NEW.id);
    UPDATE mentoring_pairs SET ended_at = NEW.erased_at, end_reason = '' WHERE (mentor_id = NEW.id OR mentee_id = NEW.id) AND ended_at IS NULL;
    DELETE FROM mentor_offers WHERE teacher_id = NEW.id;
  END;
  `,
  // cycle: subjects and schools that need help (issue 21). The roster's «Предметы» is free text; its subjects
  // (server/features/subjects/subjects.ts) are kept in teacher_subjects, read again for every teacher whose text
  // differs from the one last read (subjects_read), as the folded names are. Schools carry the flags ШНОР (low
  // results) and «неблагоприятные социальные условия».
  `
  ALTER TABLE teachers ADD COLUMN subjects_read TEXT;
  CREATE TABLE teacher_subjects (
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    subject TEXT NOT NULL,
    PRIMARY KEY (teacher_id, subject)
  ) WITHOUT ROWID;
  CREATE INDEX teacher_subjects_subject ON teacher_subjects(subject, teacher_id);
  ALTER TABLE schools ADD COLUMN low_results INTEGER NOT NULL DEFAULT 0 CHECK (low_results IN (0, 1));
  ALTER TABLE schools ADD COLUMN adverse_conditions INTEGER NOT NULL DEFAULT 0 CHECK (adverse_conditions IN (0, 1));
  `,
  // cycle: addressed recommendations (issue 21). A methodist's recommendation to a group chosen by filters; the
  // group is frozen at sending (recommendation_teachers, with when each teacher saw and accepted it), its
  // attachments are a list with a kind (programmes now, events to come); reach is counted from these and the
  // sign-ups for the attached programmes made after sending.
  `
  CREATE TABLE recommendations (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER REFERENCES municipalities(id),
    author TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    competency TEXT,
    filter_json TEXT NOT NULL,
    sent_at TEXT NOT NULL
  );
  CREATE INDEX recommendations_municipality ON recommendations(municipality_id, sent_at);
  CREATE TABLE recommendation_attachments (
    recommendation_id INTEGER NOT NULL REFERENCES recommendations(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, position)
  ) WITHOUT ROWID;
  CREATE TABLE recommendation_teachers (
    recommendation_id INTEGER NOT NULL REFERENCES recommendations(id),
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    seen_at TEXT,
    accepted_at TEXT,
    PRIMARY KEY (recommendation_id, teacher_id)
  ) WITHOUT ROWID;
  CREATE INDEX recommendation_teachers_teacher ON recommendation_teachers(teacher_id, recommendation_id);
  `,
  // cycle: measures and management decisions (issue 21). A measure names its kind, its target group (chosen by the
  // same filters as a recommendation and frozen when it is logged, measure_teachers), the competency and indicator
  // it aims at, a target value and its dates; its effect is read from the diagnostics before and after.
  `
  CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER REFERENCES municipalities(id),
    author TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    competency TEXT NOT NULL,
    indicator TEXT,
    target_value INTEGER,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    filter_json TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX measures_municipality ON measures(municipality_id, start_date);
  CREATE TABLE measure_teachers (
    measure_id INTEGER NOT NULL REFERENCES measures(id),
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    PRIMARY KEY (measure_id, teacher_id)
  ) WITHOUT ROWID;
  `,
  // events: methodical events and competitions (server/features/events/), and the teachers' sign-ups for them:
  // seats, waitlist and idempotent ids as for programme runs (enrollments); attendance, a competition's result
  // and the three-question rating after it; the ИОМ item a sign-up came from, done when she is marked present.
  `
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('seminar', 'masterClass', 'methodicalAssociation', 'consultation', 'competition')),
    title TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT '',
    municipality_id INTEGER REFERENCES municipalities(id),
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    place TEXT NOT NULL,
    seats INTEGER NOT NULL CHECK (seats >= 0),
    audience_subject TEXT NOT NULL DEFAULT '',
    audience_experience TEXT CHECK (audience_experience IN ('early', 'y3to10', 'y11to20', 'y21plus')),
    archived INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX events_start ON events(start_date);

  CREATE TABLE event_sign_ups (
    id TEXT PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    event_id TEXT NOT NULL REFERENCES events(id),
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    queued_seq INTEGER NOT NULL,
    request_hash TEXT NOT NULL,
    route_item_id TEXT,
    attended_at TEXT,
    result TEXT CHECK (result IN ('participant', 'laureate', 'prizeWinner', 'winner')),
    feedback_json TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX event_sign_ups_event ON event_sign_ups(event_id, status, queued_seq);
  CREATE INDEX event_sign_ups_teacher ON event_sign_ups(teacher_id);
  `,
  // council (issue 23): the expert council signs in to the admin with a staff account of role 'council'
  // (the republic's summaries as pages, consultations), without a municipality. SQLite changes a CHECK only
  // by rebuilding the table; dropping staff would cascade to its sessions and their uploads, so they are
  // kept aside and put back (ids unchanged).
  `
  CREATE TEMP TABLE council_kept_sessions AS SELECT * FROM staff_sessions;
  CREATE TEMP TABLE council_kept_uploads AS SELECT * FROM staff_uploads;
  CREATE TABLE staff_with_council (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('methodist', 'admin', 'council')),
    municipality_id INTEGER REFERENCES municipalities(id),
    created_at TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    disabled_at TEXT,
    CHECK (role <> 'methodist' OR municipality_id IS NOT NULL),
    CHECK (role <> 'council' OR municipality_id IS NULL)
  );
  INSERT INTO staff_with_council (id, login, password_hash, role, municipality_id, created_at, failed_logins, locked_until, disabled_at)
    SELECT id, login, password_hash, role, municipality_id, created_at, failed_logins, locked_until, disabled_at FROM staff;
  DROP TABLE staff;
  ALTER TABLE staff_with_council RENAME TO staff;
  INSERT INTO staff_sessions SELECT * FROM council_kept_sessions;
  INSERT INTO staff_uploads SELECT * FROM council_kept_uploads;
  DROP TABLE council_kept_sessions;
  DROP TABLE council_kept_uploads;
  `,
  // council (issue 23): консультации. The council publishes a consultation (its questions and audience as JSON,
  // the audience's kind and municipality as columns to select by); a teacher's answer is one row per teacher and
  // consultation (the latest version wins), its choices one row per chosen option (the counts the council sees,
  // suppressed in the summaries' base), its comments apart, so that erasure (teachers.erased_at) removes them.
  // Every change of an answer moves the summaries' generation, as the base's other sources do.
  `
  CREATE TABLE consultations (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    questions_json TEXT NOT NULL,
    audience_json TEXT NOT NULL,
    audience_kind TEXT NOT NULL CHECK (audience_kind IN ('all', 'municipality', 'subject', 'earlyCareer')),
    audience_municipality_id INTEGER REFERENCES municipalities(id),
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    created_by INTEGER REFERENCES staff(id),
    created_at TEXT NOT NULL,
    conclusion TEXT,
    concluded_at TEXT,
    CHECK (opens_on <= closes_on)
  );
  CREATE TABLE consultation_answers (
    id TEXT NOT NULL UNIQUE,
    consultation_id INTEGER NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    answers_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (consultation_id, teacher_id)
  );
  CREATE INDEX consultation_answers_teacher ON consultation_answers(teacher_id);
  CREATE TABLE consultation_choices (
    consultation_id INTEGER NOT NULL,
    teacher_id INTEGER NOT NULL,
    question INTEGER NOT NULL,
    option INTEGER NOT NULL,
    PRIMARY KEY (consultation_id, question, option, teacher_id),
    FOREIGN KEY (consultation_id, teacher_id) REFERENCES consultation_answers(consultation_id, teacher_id) ON DELETE CASCADE
  );
  CREATE INDEX consultation_choices_teacher ON consultation_choices(consultation_id, teacher_id);
  CREATE TABLE consultation_comments (
    consultation_id INTEGER NOT NULL,
    teacher_id INTEGER NOT NULL,
    question INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (consultation_id, teacher_id, question),
    FOREIGN KEY (consultation_id, teacher_id) REFERENCES consultation_answers(consultation_id, teacher_id) ON DELETE CASCADE
  );
  CREATE TRIGGER consultation_comments_erased AFTER UPDATE OF erased_at ON teachers WHEN NEW.erased_at IS NOT NULL
    BEGIN DELETE FROM consultation_comments WHERE teacher_id = NEW.id; END;
  CREATE TRIGGER summary_generation_consultation_answers_insert AFTER INSERT ON consultation_answers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_consultation_answers_update AFTER UPDATE ON consultation_answers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_consultation_answers_delete AFTER DELETE ON consultation_answers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  `,
  `
  -- main: a revoked device no longer counts as connected in the summaries (store/base.ts), so its revocation
  -- makes them count anew.
  CREATE TRIGGER summary_generation_devices_revoked AFTER UPDATE OF revoked_at ON devices
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  `,
  // indicators (issue 22): «Показатели» read event sign-ups (attendance, results, ratings), events (kind, dates),
  // ДПО sign-ups and runs (completed), and the teachers' categories into the summaries' base: a change of any of
  // them moves the summaries' generation, as the base's other sources do.
  `
  CREATE TRIGGER summary_generation_event_sign_ups_insert AFTER INSERT ON event_sign_ups
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_event_sign_ups_update AFTER UPDATE OF attended_at, result, feedback_json, teacher_id, event_id ON event_sign_ups
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_event_sign_ups_delete AFTER DELETE ON event_sign_ups
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_events_update AFTER UPDATE OF kind, start_date ON events
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_events_delete AFTER DELETE ON events
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_enrollments_insert AFTER INSERT ON enrollments
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_enrollments_update AFTER UPDATE OF status, run_id, teacher_id ON enrollments
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_enrollments_delete AFTER DELETE ON enrollments
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_program_runs_update AFTER UPDATE OF end_date ON program_runs
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_teachers_category AFTER UPDATE OF category ON teachers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  `,
  // cycle2: methodical associations (МО, issue 21). A municipality's subject МО with its leader (a teacher of the
  // municipality); a teacher belongs to the МО of each of her subjects by default (teacher_subjects), and an explicit
  // membership (1 in, 0 out) a methodist sets overrides that default for one teacher and one МО.
  `
  CREATE TABLE methodical_associations (
    id INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id),
    subject TEXT NOT NULL,
    name TEXT NOT NULL,
    leader_id INTEGER REFERENCES teachers(id),
    created_at TEXT NOT NULL,
    UNIQUE (municipality_id, subject)
  );
  CREATE TABLE methodical_association_members (
    association_id INTEGER NOT NULL REFERENCES methodical_associations(id) ON DELETE CASCADE,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id),
    member INTEGER NOT NULL CHECK (member IN (0, 1)),
    PRIMARY KEY (association_id, teacher_id)
  ) WITHOUT ROWID;
  CREATE INDEX methodical_association_members_teacher ON methodical_association_members(teacher_id);
  -- A teacher who erases her data leads no МО and leaves no membership behind.
  CREATE TRIGGER teachers_erased_associations AFTER UPDATE OF erased_at ON teachers WHEN NEW.erased_at IS NOT NULL BEGIN
    UPDATE methodical_associations SET leader_id = NULL WHERE leader_id = NEW.id;
    DELETE FROM methodical_association_members WHERE teacher_id = NEW.id;
  END;
  `,
  // cycle2: the council's levels by subject (issue 21) read teacher_subjects, so reading a roster's subjects anew
  // moves the summaries' generation as the other sources of the base do.
  `
  CREATE TRIGGER summary_generation_teacher_subjects_insert AFTER INSERT ON teacher_subjects
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_teacher_subjects_delete AFTER DELETE ON teacher_subjects
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  `,
  // mentoring2: the council summary «Наставничество» reads pairs, meetings, volunteers and the roster's status from the
  // summaries' base; every change of them moves the summaries' generation, as the base's other sources do.
  `
  CREATE TRIGGER summary_generation_mentoring_pairs_insert AFTER INSERT ON mentoring_pairs
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_mentoring_pairs_update AFTER UPDATE ON mentoring_pairs
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_mentoring_pairs_delete AFTER DELETE ON mentoring_pairs
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_mentoring_meetings_insert AFTER INSERT ON mentoring_meetings
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_mentoring_meetings_update AFTER UPDATE ON mentoring_meetings
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_mentoring_meetings_delete AFTER DELETE ON mentoring_meetings
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_mentor_offers_insert AFTER INSERT ON mentor_offers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_mentor_offers_update AFTER UPDATE ON mentor_offers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_mentor_offers_delete AFTER DELETE ON mentor_offers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  CREATE TRIGGER summary_generation_teachers_mentoring_update AFTER UPDATE OF category, erased_at ON teachers
    BEGIN UPDATE summary_generation SET generation = generation + 1; END;
  `,
  // mentoring2: the school coordinator (координатор наставничества, issue 20): a staff role bound to one school
  // (school_id, in her municipality), granted by the administrator, who pairs that school's teachers on
  // «Наставничество» and opens no other page. SQLite changes a CHECK only by rebuilding the table. Sessions and
  // uploads are kept aside (dropping staff cascades to them); consultations.created_by points at staff without a
  // cascade, so the foreign keys are checked at commit, when every id is back (ids unchanged).
  `
  PRAGMA defer_foreign_keys = ON;
  CREATE TEMP TABLE coordinator_kept_sessions AS SELECT * FROM staff_sessions;
  CREATE TEMP TABLE coordinator_kept_uploads AS SELECT * FROM staff_uploads;
  CREATE TEMP TABLE coordinator_kept_staff AS SELECT * FROM staff;
  DROP TABLE staff;
  CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('methodist', 'admin', 'council', 'coordinator')),
    municipality_id INTEGER REFERENCES municipalities(id),
    created_at TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    disabled_at TEXT,
    school_id INTEGER REFERENCES schools(id),
    CHECK (role NOT IN ('methodist', 'coordinator') OR municipality_id IS NOT NULL),
    CHECK (role <> 'council' OR municipality_id IS NULL),
    CHECK ((role = 'coordinator') = (school_id IS NOT NULL))
  );
  INSERT INTO staff (id, login, password_hash, role, municipality_id, created_at, failed_logins, locked_until, disabled_at)
    SELECT id, login, password_hash, role, municipality_id, created_at, failed_logins, locked_until, disabled_at FROM coordinator_kept_staff;
  INSERT INTO staff_sessions SELECT * FROM coordinator_kept_sessions;
  INSERT INTO staff_uploads SELECT * FROM coordinator_kept_uploads;
  DROP TABLE coordinator_kept_sessions;
  DROP TABLE coordinator_kept_uploads;
  DROP TABLE coordinator_kept_staff;
  `,
  // campaigns (issues 22, 23): the yearly diagnostic campaign (seed 001: «не реже одного раза в год»). The admin opens it
  // for the republic (municipality_id NULL) or a municipality, a methodist for hers; a teacher has taken it when she has an
  // attempt with a competency score (one of `competencies`, a comma list, when it names any) completed within its days.
  // A reminder is sent to the teachers who had not taken it then (one school or all the sender may see): its
  // recipients are frozen, as a recommendation's group is; the panel shows it while the campaign is open and she has not.
  `
  CREATE TABLE diagnostic_campaigns (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL,
    municipality_id INTEGER REFERENCES municipalities(id),
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    competencies TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES staff(id),
    created_at TEXT NOT NULL,
    CHECK (opens_on <= closes_on)
  );
  CREATE INDEX diagnostic_campaigns_open ON diagnostic_campaigns(closes_on, opens_on);
  CREATE TABLE campaign_reminders (
    id INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES diagnostic_campaigns(id) ON DELETE CASCADE,
    school_id INTEGER REFERENCES schools(id),
    text TEXT NOT NULL,
    sent_by INTEGER REFERENCES staff(id),
    sent_at TEXT NOT NULL
  );
  CREATE TABLE campaign_reminder_teachers (
    reminder_id INTEGER NOT NULL REFERENCES campaign_reminders(id) ON DELETE CASCADE,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    PRIMARY KEY (reminder_id, teacher_id)
  ) WITHOUT ROWID;
  CREATE INDEX campaign_reminder_teachers_teacher ON campaign_reminder_teachers(teacher_id);
  `,
  // speed: the teachers whose «Предметы» changed since they were last read, from an index of those alone, rather than a
  // scan of the whole roster each time a staff page or the summaries ask (subjects/store.ts, readNewTeacherSubjects).
  `CREATE INDEX teachers_subjects_unread ON teachers(id) WHERE subjects_read IS NOT subjects;`,
];
