DROP INDEX "pledges_reported_idx";--> statement-breakpoint
CREATE INDEX "pledges_last_news_idx" ON "pledges" USING btree (coalesce("reported_on", "baseline_date"));