ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_state_check";--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "import_id" text;--> statement-breakpoint
CREATE INDEX "initiatives_import_idx" ON "initiatives" USING btree ("import_id");--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_state_check" CHECK ("initiatives"."state" in ('importing', 'draft', 'submitted', 'returned', 'published', 'rejected', 'archived'));