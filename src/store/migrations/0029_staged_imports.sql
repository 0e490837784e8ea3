ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_state_check";--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "import_id" text;--> statement-breakpoint
CREATE INDEX "initiatives_import_idx" ON "initiatives" USING btree ("import_id");--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_state_check" CHECK ("initiatives"."state" in ('importing', 'draft', 'submitted', 'returned', 'published', 'rejected', 'archived'));--> statement-breakpoint
-- Rows an import writes `importing` change nothing readers see: the transactions that stage them
-- (SET LOCAL concord.staging = 'on') leave the registry revision, and so every cached page, as is.
CREATE OR REPLACE FUNCTION "registry_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('concord.staging', true) = 'on' THEN
    RETURN NULL;
  END IF;
  UPDATE "registry_revision" SET "revision" = "revision" + 1;
  RETURN NULL;
END $$;
