ALTER TABLE "organizations" ADD COLUMN "name_key" text;--> statement-breakpoint
CREATE INDEX "organizations_name_key_idx" ON "organizations" USING btree ("name_key");