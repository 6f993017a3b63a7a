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
];
