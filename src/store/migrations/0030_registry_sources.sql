ALTER TABLE "initiative_links" ADD COLUMN "state" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "initiative_links" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "initiative_links" ADD COLUMN "reviewed_at_source" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "source_id" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "source_url" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "source_licence" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "source_read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "source_checksum" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "archived_reason" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_source_idx" ON "initiatives" USING btree ("source","source_id");--> statement-breakpoint
ALTER TABLE "initiative_links" ADD CONSTRAINT "initiative_links_state_check" CHECK ("initiative_links"."state" in ('suggested', 'confirmed', 'rejected'));