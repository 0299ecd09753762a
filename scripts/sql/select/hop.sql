-- One hop of the citation neighbourhood; run it once per hop. Reads selected, hop_state, refs,
-- works and params(cap); adds the hop's works to selected and its cap hits to cap_hits.
--
-- The frontier is the works the previous hop added (the seeds for the first hop). A frontier
-- work's candidates are its references and its citers that the snapshot holds (a deleted work is
-- not in works) and the set does not have yet. They are ranked by their links to the set (the
-- number of works of the set they cite or are cited by: citations within the set), then by
-- cited_by_count, then by id, and each frontier work adds at most params.cap of them.
DROP TABLE IF EXISTS frontier;

CREATE TABLE frontier AS
SELECT s.work_id, h.hop
FROM selected s
JOIN (SELECT MAX(hop) AS hop FROM hop_state) h ON s.hop = h.hop;

DROP TABLE IF EXISTS candidates;

CREATE TABLE candidates AS
SELECT DISTINCT n.via, n.work_id, n.hop + 1 AS hop
FROM (
  SELECT f.work_id AS via, r.cited AS work_id, f.hop
  FROM frontier f
  JOIN refs r ON r.citing = f.work_id
  UNION ALL
  SELECT f.work_id AS via, r.citing AS work_id, f.hop
  FROM frontier f
  JOIN refs r ON r.cited = f.work_id
) n
JOIN works w ON w.work_id = n.work_id
LEFT JOIN selected s ON s.work_id = n.work_id
WHERE s.work_id IS NULL;

DROP TABLE IF EXISTS candidate_links;

CREATE TABLE candidate_links AS
SELECT l.work_id, COUNT(DISTINCT l.other) AS links
FROM (
  SELECT r.cited AS work_id, r.citing AS other
  FROM refs r
  JOIN (SELECT DISTINCT work_id FROM candidates) c ON c.work_id = r.cited
  JOIN selected s ON s.work_id = r.citing
  UNION ALL
  SELECT r.citing AS work_id, r.cited AS other
  FROM refs r
  JOIN (SELECT DISTINCT work_id FROM candidates) c ON c.work_id = r.citing
  JOIN selected s ON s.work_id = r.cited
) l
GROUP BY l.work_id;

DROP TABLE IF EXISTS ranked;

CREATE TABLE ranked AS
SELECT
  c.via,
  c.work_id,
  c.hop,
  ROW_NUMBER() OVER (PARTITION BY c.via ORDER BY k.links DESC, w.cited_by_count DESC, c.work_id) AS place,
  COUNT(*) OVER (PARTITION BY c.via) AS candidates
FROM candidates c
JOIN candidate_links k ON k.work_id = c.work_id
JOIN works w ON w.work_id = c.work_id;

INSERT INTO cap_hits
SELECT DISTINCT r.hop, r.via, r.candidates
FROM ranked r
CROSS JOIN params p
WHERE r.candidates > p.cap;

INSERT INTO selected
SELECT DISTINCT r.work_id, r.hop
FROM ranked r
CROSS JOIN params p
WHERE r.place <= p.cap;

INSERT INTO hop_state
SELECT MAX(hop) + 1
FROM hop_state;
