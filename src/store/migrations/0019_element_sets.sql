CREATE TABLE "element_sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "element_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"closure" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "element_set_id" integer;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "pledge_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "reported_on" date;--> statement-breakpoint
ALTER TABLE "document_paragraphs" ADD COLUMN "element_set_id" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "element_sets_closure_idx" ON "element_sets" USING btree ("closure");--> statement-breakpoint
CREATE INDEX "element_sets_elements_idx" ON "element_sets" USING gin ("closure");--> statement-breakpoint
CREATE INDEX "initiatives_element_set_idx" ON "initiatives" USING btree ("state","element_set_id");--> statement-breakpoint
CREATE INDEX "pledges_reported_idx" ON "pledges" USING btree (coalesce("reported_on", ("created_at" AT TIME ZONE 'UTC')::date));--> statement-breakpoint
CREATE INDEX "document_paragraphs_element_set_idx" ON "document_paragraphs" USING btree ("element_set_id");