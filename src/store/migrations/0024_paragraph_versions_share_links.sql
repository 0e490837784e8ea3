-- A language version read after a paragraph's links were confirmed takes the closure of its
-- twins (same document, same eid) at once, so searching by element finds it in every language.
-- One statement-level pass per insert: ingest pays one query, not one per paragraph.
CREATE FUNCTION "paragraph_versions_share_closure"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "document_paragraphs" p SET "element_closure" = twin.element_closure
  FROM inserted i, LATERAL (
    SELECT s.element_closure FROM "document_paragraphs" s
    WHERE s.document_id = i.document_id AND s.eid = i.eid AND s.id <> i.id AND s.element_closure <> '{}'
    LIMIT 1) twin
  WHERE p.id = i.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "document_paragraphs_share_closure" AFTER INSERT ON "document_paragraphs"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "paragraph_versions_share_closure"();
