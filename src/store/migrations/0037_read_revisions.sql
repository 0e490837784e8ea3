-- Named read revisions (src/store/revisions.ts): one counter per group of read models (the
-- registry's lists, the reference graph...), moved forward in the same transaction as any
-- committed write to a table those read models show. The registry's own counter (0008) becomes
-- the row `registry`; the triggers are made from the declarations in src/store/revisions.ts at
-- migration time, so the list of tables that move a revision lives in one place.
CREATE TABLE "read_revisions" ("name" text PRIMARY KEY, "revision" bigint NOT NULL);--> statement-breakpoint
INSERT INTO "read_revisions" ("name", "revision") SELECT 'registry', "revision" FROM "registry_revision";--> statement-breakpoint
-- Moves forward every revision named in the trigger's arguments. Rows an import stages
-- (SET LOCAL concord.staging = 'on', migration 0029) change nothing readers see.
CREATE FUNCTION "read_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('concord.staging', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO "read_revisions" ("name", "revision") SELECT unnest(TG_ARGV), 1
    ON CONFLICT ("name") DO UPDATE SET "revision" = "read_revisions"."revision" + 1;
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER "initiatives_revision" ON "initiatives";--> statement-breakpoint
DROP TRIGGER "initiative_texts_revision" ON "initiative_texts";--> statement-breakpoint
DROP TRIGGER "initiative_areas_revision" ON "initiative_areas";--> statement-breakpoint
DROP TRIGGER "initiative_links_revision" ON "initiative_links";--> statement-breakpoint
DROP TRIGGER "initiative_partners_revision" ON "initiative_partners";--> statement-breakpoint
DROP TRIGGER "organizations_revision" ON "organizations";--> statement-breakpoint
DROP TRIGGER "pledges_revision" ON "pledges";--> statement-breakpoint
DROP TRIGGER "pledge_transactions_revision" ON "pledge_transactions";--> statement-breakpoint
DROP TRIGGER "progress_updates_revision" ON "progress_updates";--> statement-breakpoint
DROP TRIGGER "roadmaps_revision" ON "roadmaps";--> statement-breakpoint
DROP TRIGGER "roadmap_nodes_revision" ON "roadmap_nodes";--> statement-breakpoint
DROP TRIGGER "roadmap_node_elements_revision" ON "roadmap_node_elements";--> statement-breakpoint
DROP TRIGGER "roadmap_node_contributors_revision" ON "roadmap_node_contributors";--> statement-breakpoint
DROP TRIGGER "roadmap_node_initiatives_revision" ON "roadmap_node_initiatives";--> statement-breakpoint
DROP TRIGGER "paragraph_links_revision" ON "paragraph_links";--> statement-breakpoint
DROP TRIGGER "indicator_elements_revision" ON "indicator_elements";--> statement-breakpoint
DROP FUNCTION "registry_revision_bump"();--> statement-breakpoint
DROP TABLE "registry_revision";
--> statement-breakpoint
-- The key of the trigger declarations last installed (src/store/migrate.ts).
CREATE TABLE "read_revision_triggers" ("key" text PRIMARY KEY);
