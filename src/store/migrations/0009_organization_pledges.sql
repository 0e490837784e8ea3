ALTER TABLE "pledges" ALTER COLUMN "initiative_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "state" text;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "review_note" text;--> statement-breakpoint
CREATE INDEX "pledges_organization_idx" ON "pledges" USING btree ("organization_id");--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_parent_check" CHECK (("pledges"."initiative_id" IS NULL) = ("pledges"."state" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_state_check" CHECK ("pledges"."state" IS NULL OR "pledges"."state" in ('submitted', 'published', 'rejected', 'archived'));