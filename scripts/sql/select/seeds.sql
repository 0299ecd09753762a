-- The seeds: works matched by OpenAlex id (through merges), DOI or arXiv id. Reads
-- seeds(seed, work_id, doi, arxiv) and works(work_id, doi, arxiv, cited_by_count); writes
-- seed_matches(seed, work_id) and selected(work_id, hop) with the seeds at hop 0.
-- Three equi-joins rather than one join on OR, so that cluster engines can hash them.
DROP TABLE IF EXISTS seed_matches;

CREATE TABLE seed_matches AS
SELECT s.seed, w.work_id
FROM seeds s
LEFT JOIN merged m ON m.work_id = s.work_id
JOIN works w ON w.work_id = COALESCE(m.merge_into_id, s.work_id)
UNION
SELECT s.seed, w.work_id
FROM seeds s
JOIN works w ON w.doi = s.doi
UNION
SELECT s.seed, w.work_id
FROM seeds s
JOIN works w ON w.arxiv = s.arxiv;

DROP TABLE IF EXISTS selected;

CREATE TABLE selected AS
SELECT DISTINCT work_id, 0 AS hop
FROM seed_matches;
