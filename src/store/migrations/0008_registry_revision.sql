-- One counter that every change to what the public registry lists moves forward (whatever
-- writes it: the application, an import, SQL by hand). Readers cache a list page under the
-- revision they read it at, so a cache is never older than the last committed change.
CREATE TABLE "registry_revision" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "revision" bigint NOT NULL);--> statement-breakpoint
INSERT INTO "registry_revision" ("id", "revision") VALUES (true, 1);--> statement-breakpoint
CREATE FUNCTION "registry_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "registry_revision" SET "revision" = "revision" + 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "initiatives_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiatives" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "initiative_texts_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative_texts" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "initiative_areas_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative_areas" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "initiative_links_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative_links" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "initiative_partners_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "initiative_partners" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "organizations_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organizations" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();
