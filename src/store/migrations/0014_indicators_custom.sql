-- Hand-written: what drizzle-kit cannot express from the schema.
-- One target per indicator, scope (an area, or '*' for a global target) and year.
CREATE UNIQUE INDEX "indicator_targets_scope_idx" ON "indicator_targets" ("indicator_code", coalesce("area", '*'), "year");
--> statement-breakpoint
-- A percentage (SDMX unit PT without a multiplier) lies in 0-100, whoever writes the row.
ALTER TABLE "observations" ADD CONSTRAINT "observations_percent_range" CHECK ("unit" <> 'PT' OR coalesce("unit_multiplier", 0) <> 0 OR "value" BETWEEN 0 AND 100);
