ALTER TABLE "initiatives" ADD COLUMN "area_groups" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "initiatives_area_groups_idx" ON "initiatives" USING gin ("area_groups");