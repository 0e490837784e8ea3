-- A paragraph's element closure (its confirmed links and their ancestors), kept as links are
-- confirmed, rejected or removed: the coverage matrix reads it like an initiative's closure.
CREATE FUNCTION "paragraph_closure_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN target := OLD.paragraph_id; ELSE target := NEW.paragraph_id; END IF;
  UPDATE "document_paragraphs" SET "element_closure" = coalesce(
    (SELECT array_agg(DISTINCT x ORDER BY x)
     FROM "paragraph_links" l JOIN "elements" e ON e.id = l.element_id, unnest(e.ancestors || e.id) x
     WHERE l.paragraph_id = target AND l.state = 'confirmed'), '{}')
  WHERE id = target;
  IF TG_OP = 'UPDATE' AND OLD.paragraph_id <> NEW.paragraph_id THEN
    UPDATE "document_paragraphs" SET "element_closure" = coalesce(
      (SELECT array_agg(DISTINCT x ORDER BY x)
       FROM "paragraph_links" l JOIN "elements" e ON e.id = l.element_id, unnest(e.ancestors || e.id) x
       WHERE l.paragraph_id = OLD.paragraph_id AND l.state = 'confirmed'), '{}')
    WHERE id = OLD.paragraph_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Only changes that touch a confirmed link move the closure: storing the matcher's suggestions
-- at ingest costs nothing here.
CREATE TRIGGER "paragraph_links_closure_insert" AFTER INSERT ON "paragraph_links" FOR EACH ROW
  WHEN (NEW.state = 'confirmed') EXECUTE FUNCTION "paragraph_closure_refresh"();--> statement-breakpoint
CREATE TRIGGER "paragraph_links_closure_update" AFTER UPDATE ON "paragraph_links" FOR EACH ROW
  WHEN (OLD.state = 'confirmed' OR NEW.state = 'confirmed') EXECUTE FUNCTION "paragraph_closure_refresh"();--> statement-breakpoint
CREATE TRIGGER "paragraph_links_closure_delete" AFTER DELETE ON "paragraph_links" FOR EACH ROW
  WHEN (OLD.state = 'confirmed') EXECUTE FUNCTION "paragraph_closure_refresh"();--> statement-breakpoint
-- The coverage matrix and gap lists are cached under the registry revision (registry-cache.ts):
-- every table they count moves it forward too.
CREATE TRIGGER "pledges_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pledges" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "pledge_transactions_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pledge_transactions" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "progress_updates_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "progress_updates" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "roadmaps_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "roadmaps" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "roadmap_nodes_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "roadmap_nodes" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "roadmap_node_elements_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "roadmap_node_elements" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "roadmap_node_contributors_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "roadmap_node_contributors" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "roadmap_node_initiatives_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "roadmap_node_initiatives" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "paragraph_links_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "paragraph_links" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "indicator_elements_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_elements" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();
