CREATE TABLE IF NOT EXISTS articles (
    "id" VARCHAR,
    "url" VARCHAR,
    "title" VARCHAR,
    "published" VARCHAR,
    "outlet" VARCHAR,
    "language" VARCHAR,
    "path" VARCHAR,
    "status" VARCHAR,
    "reason" VARCHAR,
    "text" VARCHAR,
    "record" VARCHAR,
    "published_date" DATE,
    "story_id" VARCHAR,
    "run_id" VARCHAR,
    "ingested_at" TIMESTAMPTZ,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS events (
    "article_id" VARCHAR,
    "id" VARCHAR,
    "sentence" VARCHAR,
    "span_start" INTEGER,
    "span_end" INTEGER,
    "text" VARCHAR,
    "source_text" VARCHAR,
    "source_name" VARCHAR,
    "source_code" VARCHAR,
    "source_country" VARCHAR,
    "source_sectors" VARCHAR[],
    "source_id" VARCHAR,
    "target_text" VARCHAR,
    "target_name" VARCHAR,
    "target_code" VARCHAR,
    "target_country" VARCHAR,
    "target_sectors" VARCHAR[],
    "target_id" VARCHAR,
    "group" VARCHAR,
    "cameo" VARCHAR,
    "cameo_root" VARCHAR,
    "quad_class" BIGINT,
    "goldstein" DOUBLE,
    "plover_event" VARCHAR,
    "plover_mode" VARCHAR,
    "date" VARCHAR,
    "date_precision" VARCHAR,
    "location_text" VARCHAR,
    "location_name" VARCHAR,
    "location_country" VARCHAR,
    "location_admin1" VARCHAR,
    "location_lat" DOUBLE,
    "location_lon" DOUBLE,
    "location_geonameid" BIGINT,
    "location_precision" VARCHAR,
    "negated" BOOLEAN,
    "modality" VARCHAR,
    "confidence" DOUBLE,
    "rule" VARCHAR,
    "day" DATE,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS quotes (
    "article_id" VARCHAR,
    "id" VARCHAR,
    "sentence" VARCHAR,
    "span_start" INTEGER,
    "span_end" INTEGER,
    "text" VARCHAR,
    "kind" VARCHAR,
    "speaker_text" VARCHAR,
    "speaker_name" VARCHAR,
    "speaker_code" VARCHAR,
    "speaker_country" VARCHAR,
    "speaker_sectors" VARCHAR[],
    "speaker_id" VARCHAR,
    "cue" VARCHAR,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS times (
    "article_id" VARCHAR,
    "id" VARCHAR,
    "text" VARCHAR,
    "span_start" INTEGER,
    "span_end" INTEGER,
    "value" VARCHAR,
    "precision" VARCHAR,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS places (
    "article_id" VARCHAR,
    "id" VARCHAR,
    "text" VARCHAR,
    "name" VARCHAR,
    "country" VARCHAR,
    "admin1" VARCHAR,
    "lat" DOUBLE,
    "lon" DOUBLE,
    "geonameid" BIGINT,
    "precision" VARCHAR,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS actors (
    "article_id" VARCHAR,
    "text" VARCHAR,
    "name" VARCHAR,
    "code" VARCHAR,
    "country" VARCHAR,
    "sectors" VARCHAR[],
    "id" VARCHAR,
    "mentions" BIGINT,
    PRIMARY KEY (article_id, name, code)
);

CREATE TABLE IF NOT EXISTS stories (
    "id" VARCHAR,
    "title" VARCHAR,
    "first_published" VARCHAR,
    "last_published" VARCHAR,
    "articles" INTEGER,
    "outlets" INTEGER,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS article_signatures (
    "article_id" VARCHAR,
    "shingles" BLOB,
    "shingle_count" INTEGER,
    "words" BLOB,
    "word_count" INTEGER,
    "matched_article" VARCHAR,
    "match_kind" VARCHAR,
    "match_score" DOUBLE,
    PRIMARY KEY (article_id)
);

CREATE TABLE IF NOT EXISTS event_clusters (
    "id" VARCHAR,
    "story_id" VARCHAR,
    "source_code" VARCHAR,
    "target_code" VARCHAR,
    "cameo_root" VARCHAR,
    "cameo" VARCHAR,
    "date" DATE,
    "first_seen" VARCHAR,
    "last_seen" VARCHAR,
    "mentions" INTEGER,
    "articles" INTEGER,
    "outlets" INTEGER,
    "goldstein" DOUBLE,
    "quad_class" INTEGER,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS event_mentions (
    "cluster_id" VARCHAR,
    "event_id" VARCHAR,
    "article_id" VARCHAR,
    "sentence" VARCHAR,
    "span_start" INTEGER,
    "span_end" INTEGER,
    "outlet" VARCHAR,
    "published" VARCHAR,
    PRIMARY KEY (event_id)
);

CREATE TABLE IF NOT EXISTS failures (
    "id" VARCHAR,
    "path" VARCHAR,
    "record" VARCHAR,
    "reason" VARCHAR,
    "code" VARCHAR,
    "run_id" VARCHAR,
    "at" TIMESTAMPTZ,
    PRIMARY KEY (id)
);

CREATE TABLE IF NOT EXISTS intake (
    "source" VARCHAR,
    "key" VARCHAR,
    "item" VARCHAR,
    "size" BIGINT,
    "mtime" DOUBLE,
    "sha256" VARCHAR,
    "spool" VARCHAR,
    "status" VARCHAR,
    "article_ids" VARCHAR[],
    "failures" INTEGER,
    "reason" VARCHAR,
    "at" TIMESTAMPTZ,
    PRIMARY KEY (source, key)
);

CREATE TABLE IF NOT EXISTS runs (
    "id" VARCHAR,
    "command" VARCHAR,
    "inputs" VARCHAR[],
    "started_at" TIMESTAMPTZ,
    "finished_at" TIMESTAMPTZ,
    "articles_read" INTEGER,
    "articles_new" INTEGER,
    "articles_skipped" INTEGER,
    "failures" INTEGER,
    "version" VARCHAR,
    PRIMARY KEY (id)
);
