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

MIGRATIONS.append(
    (
        2,
        "actor and place mentions",
        [
            """CREATE TABLE mentions (
                article_id VARCHAR NOT NULL,
                sentence INTEGER NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                text VARCHAR NOT NULL,
                label VARCHAR NOT NULL,
                actor_code VARCHAR,
                actor_name VARCHAR,
                actor_kind VARCHAR,
                country VARCHAR,
                sector VARCHAR,
                role VARCHAR,
                tenure_start DATE,
                tenure_end DATE,
                place_name VARCHAR,
                place_kind VARCHAR,
                place_country VARCHAR,
                admin1 VARCHAR,
                latitude DOUBLE,
                longitude DOUBLE,
                geonames_id BIGINT,
                place_source VARCHAR,
                via VARCHAR,
                PRIMARY KEY (article_id, start_char, end_char)
            )""",
            "ALTER TABLE articles ADD COLUMN analysed BOOLEAN DEFAULT false",
        ],
    )
)

MIGRATIONS.append(
    (
        3,
        "coded events",
        [
            """CREATE TABLE events (
                id VARCHAR PRIMARY KEY,
                article_id VARCHAR NOT NULL,
                sentence INTEGER NOT NULL,
                sentence_start INTEGER NOT NULL,
                sentence_text VARCHAR NOT NULL,
                trigger_start INTEGER,
                trigger_end INTEGER,
                trigger_text VARCHAR,
                source_code VARCHAR,
                source_name VARCHAR,
                source_start INTEGER,
                source_end INTEGER,
                source_text VARCHAR,
                source_inferred BOOLEAN,
                target_code VARCHAR,
                target_name VARCHAR,
                target_start INTEGER,
                target_end INTEGER,
                target_text VARCHAR,
                target_inferred BOOLEAN,
                code VARCHAR NOT NULL,
                root VARCHAR NOT NULL,
                quad_class INTEGER NOT NULL,
                goldstein DOUBLE NOT NULL,
                plover_type VARCHAR,
                plover_mode VARCHAR,
                event_date DATE,
                date_how VARCHAR,
                place_name VARCHAR,
                place_kind VARCHAR,
                place_country VARCHAR,
                admin1 VARCHAR,
                latitude DOUBLE,
                longitude DOUBLE,
                geonames_id BIGINT,
                place_how VARCHAR,
                negated BOOLEAN,
                attempted BOOLEAN,
                future BOOLEAN,
                hypothetical BOOLEAN,
                question BOOLEAN,
                reported BOOLEAN,
                factual BOOLEAN,
                confidence DOUBLE,
                rule VARCHAR,
                coder_version VARCHAR
            )""",
        ],
    )
)

SCHEMA_VERSION = MIGRATIONS[-1][0]
