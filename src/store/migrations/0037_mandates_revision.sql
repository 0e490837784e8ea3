-- The mandates list's counts per status and per kind are cached under the registry revision
-- (registry-cache.ts): writes to mandates and to their answers move it forward too, as the
-- records that answer them (roadmaps, initiatives, pledges) and paragraph links already do.
CREATE TRIGGER "mandates_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "mandates" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();--> statement-breakpoint
CREATE TRIGGER "mandate_answers_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "mandate_answers" FOR EACH STATEMENT EXECUTE FUNCTION "registry_revision_bump"();
