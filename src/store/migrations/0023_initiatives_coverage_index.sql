DROP INDEX "initiatives_element_set_idx";--> statement-breakpoint
CREATE INDEX "initiatives_coverage_idx" ON "initiatives" USING btree ("state","element_set_id","pledge_count","id");