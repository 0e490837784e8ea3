-- A paragraph is one paragraph in all its language versions: its closure is the union of the
-- confirmed links of every version (so a search in French finds what was linked in English), and
-- only one version (the first read) carries the element set, so the matrix counts it once by a
-- plain count over an index instead of a distinct count over every version.
DROP TRIGGER "document_paragraphs_element_set" ON "document_paragraphs";--> statement-breakpoint
DROP FUNCTION "paragraph_element_set"();--> statement-breakpoint
CREATE FUNCTION "paragraph_closure_set"(target bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  doc text;
  anchor text;
  merged text[];
  first bigint;
BEGIN
  SELECT document_id, eid INTO doc, anchor FROM "document_paragraphs" WHERE id = target;
  IF doc IS NULL THEN RETURN; END IF;
  SELECT coalesce(array_agg(DISTINCT x ORDER BY x), '{}') INTO merged
  FROM "document_paragraphs" p JOIN "paragraph_links" l ON l.paragraph_id = p.id AND l.state = 'confirmed'
  JOIN "elements" e ON e.id = l.element_id, unnest(e.ancestors || e.id) x
  WHERE p.document_id = doc AND p.eid = anchor;
  SELECT min(id) INTO first FROM "document_paragraphs" WHERE document_id = doc AND eid = anchor;
  UPDATE "document_paragraphs" SET "element_closure" = merged,
    "element_set_id" = CASE WHEN id = first AND merged <> '{}' THEN element_set_of(merged) END
  WHERE document_id = doc AND eid = anchor;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "paragraph_closure_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM paragraph_closure_set(OLD.paragraph_id);
  ELSE
    PERFORM paragraph_closure_set(NEW.paragraph_id);
    IF TG_OP = 'UPDATE' AND OLD.paragraph_id <> NEW.paragraph_id THEN
      PERFORM paragraph_closure_set(OLD.paragraph_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
UPDATE "document_paragraphs" SET "element_closure" = '{}', "element_set_id" = NULL WHERE "element_closure" <> '{}';--> statement-breakpoint
SELECT paragraph_closure_set(id) FROM (SELECT min(p.id) AS id FROM "paragraph_links" l JOIN "document_paragraphs" p ON p.id = l.paragraph_id
  WHERE l.state = 'confirmed' GROUP BY p.document_id, p.eid) linked;
