ALTER TABLE "initiatives" ADD COLUMN "replaces" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_replaces_initiatives_id_fk" FOREIGN KEY ("replaces") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiatives_replaces_idx" ON "initiatives" USING btree ("replaces");