-- Spark SQL: the tables the selection (scripts/sql/select/) reads, over the OpenAlex snapshot as
-- published (https://developers.openalex.org/download/snapshot-format): gzipped JSON Lines under
-- data/jsonl/works/updated_date=YYYY-MM-DD/ (the same works in Parquet under data/parquet/works/),
-- merged ids as CSV under legacy-data/merged_ids/works/. A pre-2026 copy has its works under
-- data/works/ and its merged ids under data/merged_ids/works/.
-- The engine-specific part, like scripts/lib/snapshot-duckdb.ts for the embedded run. Replace
-- the locations with your copy (s3a://openalex/… reads the public bucket). See README.md,
-- "Whole fields from the OpenAlex snapshot".

-- The Work fields used, with their types given so Spark does not scan the snapshot to infer them.
CREATE TABLE IF NOT EXISTS openalex_works (
  id STRING,
  doi STRING,
  title STRING,
  display_name STRING,
  publication_year BIGINT,
  publication_date STRING,
  cited_by_count BIGINT,
  referenced_works ARRAY<STRING>,
  authorships ARRAY<STRUCT<author: STRUCT<display_name: STRING>>>,
  primary_location STRUCT<landing_page_url: STRING, pdf_url: STRING, source: STRUCT<display_name: STRING>>,
  locations ARRAY<STRUCT<landing_page_url: STRING, pdf_url: STRING, source: STRUCT<display_name: STRING>>>,
  topics ARRAY<STRUCT<id: STRING, display_name: STRING, subfield: STRUCT<id: STRING, display_name: STRING>, field: STRUCT<id: STRING, display_name: STRING>, domain: STRUCT<id: STRING, display_name: STRING>>>,
  concepts ARRAY<STRUCT<id: STRING, display_name: STRING, level: BIGINT, score: DOUBLE>>
)
USING json
-- every part file below (nothing else, such as a pre-2026 copy's manifest), and no partition
-- column from the folders. The same works in Parquet: USING parquet, pathGlobFilter '*.parquet'
-- and LOCATION 's3a://openalex/data/parquet/works/'.
OPTIONS (pathGlobFilter '*.gz', recursiveFileLookup 'true')
LOCATION 's3a://openalex/data/jsonl/works/';

CREATE TEMPORARY VIEW openalex_merged
USING csv
OPTIONS (path 's3a://openalex/legacy-data/merged_ids/works/', header 'true');

-- One row per work. Ids "https://openalex.org/W123" → 123; DOIs without resolver, lowercase; the
-- arXiv id from the DataCite DOI, else the first landing page or PDF on arxiv.org among the primary
-- location and the locations (src/snapshot/work.ts's arxivOfWork).
CREATE OR REPLACE TEMPORARY VIEW works AS
SELECT
  CAST(substr(id, 23) AS BIGINT) AS work_id,
  lower(regexp_replace(doi, '^https?://(dx\\.)?doi\\.org/', '')) AS doi,
  COALESCE(
    nullif(regexp_extract(lower(doi), '10\\.48550/arxiv\\.([0-9]{4}\\.[0-9]{4,5})', 1), ''),
    try_element_at(
      filter(
        transform(
          concat(array(primary_location), COALESCE(locations, array())),
          l -> COALESCE(
            nullif(regexp_extract(l.landing_page_url, '^https?://(www\\.|export\\.)?arxiv\\.org/(abs|pdf)/([0-9]{4}\\.[0-9]{4,5})', 3), ''),
            nullif(regexp_extract(l.pdf_url, '^https?://(www\\.|export\\.)?arxiv\\.org/(abs|pdf)/([0-9]{4}\\.[0-9]{4,5})', 3), ''))),
        x -> x IS NOT NULL),
      1)
  ) AS arxiv,
  COALESCE(cited_by_count, 0) AS cited_by_count
FROM openalex_works
WHERE id LIKE 'https://openalex.org/W%';

CREATE OR REPLACE TEMPORARY VIEW raw_refs AS
SELECT CAST(substr(w.id, 23) AS BIGINT) AS citing, CAST(substr(r.ref, 23) AS BIGINT) AS cited
FROM openalex_works w
LATERAL VIEW explode(w.referenced_works) r AS ref
WHERE w.id LIKE 'https://openalex.org/W%';

CREATE OR REPLACE TEMPORARY VIEW work_topics AS
SELECT CAST(substr(w.id, 23) AS BIGINT) AS work_id, CAST(regexp_extract(t.topic.id, '([0-9]+)$', 1) AS BIGINT) AS topic_id
FROM openalex_works w
LATERAL VIEW explode(w.topics) t AS topic
WHERE w.id LIKE 'https://openalex.org/W%';

CREATE OR REPLACE TEMPORARY VIEW merged AS
SELECT CAST(regexp_extract(id, '([0-9]+)$', 1) AS BIGINT) AS work_id,
  CAST(regexp_extract(merge_into_id, '([0-9]+)$', 1) AS BIGINT) AS merge_into_id
FROM openalex_merged;

-- The inputs: seeds (one of work_id, doi, arxiv set), wanted topics, the cap.
DROP TABLE IF EXISTS seeds;

CREATE TABLE seeds (seed STRING, work_id BIGINT, doi STRING, arxiv STRING);

INSERT INTO seeds VALUES
  ('2208.12242', NULL, NULL, '2208.12242'),
  ('10.1109/cvpr52729.2023.02155', NULL, '10.1109/cvpr52729.2023.02155', NULL);

DROP TABLE IF EXISTS wanted_topics;

CREATE TABLE wanted_topics (topic_id BIGINT);

DROP TABLE IF EXISTS params;

CREATE TABLE params AS
SELECT 50 AS cap;
