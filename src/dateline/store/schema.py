"""The store's versioned schema: an ordered list of migrations, each applied once, in a transaction."""

from __future__ import annotations

# (version, description, statements). Append new migrations; never edit an applied one.
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "articles, failures and runs",
        [
            """CREATE TABLE articles (
                id VARCHAR PRIMARY KEY,
                source VARCHAR NOT NULL,
                format VARCHAR NOT NULL,
                url VARCHAR,
                title VARCHAR,
                published_date DATE,
                published_time TIME,
                published_tz VARCHAR,
                date_precision VARCHAR,
                date_order VARCHAR,
                date_evidence VARCHAR,
                date_candidates DATE[],
                section VARCHAR,
                authors VARCHAR[],
                tags VARCHAR[],
                read_count BIGINT,
                counters VARCHAR,
                dateline_place VARCHAR,
                outlet VARCHAR,
                language VARCHAR,
                description VARCHAR,
                paragraphs VARCHAR[] NOT NULL,
                removed STRUCT(text VARCHAR, reason VARCHAR)[],
                encoding VARCHAR,
                warnings VARCHAR[],
                dateline_version VARCHAR NOT NULL,
                run_id VARCHAR,
                stored_at TIMESTAMP NOT NULL
            )""",
            """CREATE TABLE failures (
                source VARCHAR NOT NULL,
                code VARCHAR NOT NULL,
                message VARCHAR NOT NULL,
                run_id VARCHAR,
                first_seen TIMESTAMP NOT NULL,
                last_seen TIMESTAMP NOT NULL,
                PRIMARY KEY (source, code)
            )""",
            """CREATE TABLE runs (
                id VARCHAR PRIMARY KEY,
                started_at TIMESTAMP NOT NULL,
                finished_at TIMESTAMP,
                inputs VARCHAR[],
                documents INTEGER,
                stored INTEGER,
                already_stored INTEGER,
                failed INTEGER,
                status VARCHAR NOT NULL
            )""",
        ],
    ),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
