CREATE TABLE "changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "reference_releases" (
	"dataset" text PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"document_symbol" text,
	"address" text,
	"repository" text,
	"commit" text,
	"path" text,
	"licence" text NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"stakeholder_type" text NOT NULL,
	"website" text,
	"country" text,
	"source_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_line_facilitators" (
	"element_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"role" text NOT NULL,
	"confidence" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"source_id" text NOT NULL,
	CONSTRAINT "action_line_facilitators_element_id_organization_id_pk" PRIMARY KEY("element_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "element_texts" (
	"element_id" text NOT NULL,
	"lang" text NOT NULL,
	"title" text,
	"text" text,
	"folded" text NOT NULL,
	"search" "tsvector" NOT NULL,
	"source_id" text NOT NULL,
	"caveats" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "element_texts_element_id_lang_pk" PRIMARY KEY("element_id","lang")
);
--> statement-breakpoint
CREATE TABLE "elements" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" text,
	"ancestors" text[] NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"source_id" text NOT NULL,
	"languages" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "links" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"from_id" text NOT NULL,
	"to_id" text NOT NULL,
	"type" text NOT NULL,
	"state" text NOT NULL,
	"rationale" text,
	"source_id" text,
	"source_locator" text,
	"source_address" text,
	"asserted_by" text NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "links_type_check" CHECK ("links"."type" in ('contributes-to', 'measured-by', 'relates-to', 'same-as')),
	CONSTRAINT "links_state_check" CHECK ("links"."state" in ('suggested', 'confirmed', 'rejected')),
	CONSTRAINT "links_not_self" CHECK ("links"."from_id" <> "links"."to_id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_line_facilitators" ADD CONSTRAINT "action_line_facilitators_element_id_elements_id_fk" FOREIGN KEY ("element_id") REFERENCES "public"."elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_line_facilitators" ADD CONSTRAINT "action_line_facilitators_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_line_facilitators" ADD CONSTRAINT "action_line_facilitators_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "element_texts" ADD CONSTRAINT "element_texts_element_id_elements_id_fk" FOREIGN KEY ("element_id") REFERENCES "public"."elements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "element_texts" ADD CONSTRAINT "element_texts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elements" ADD CONSTRAINT "elements_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elements" ADD CONSTRAINT "elements_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_from_id_elements_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_to_id_elements_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "links" ADD CONSTRAINT "links_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "changes_entity_idx" ON "changes" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "element_texts_search_idx" ON "element_texts" USING gin ("search");--> statement-breakpoint
CREATE INDEX "element_texts_trgm_idx" ON "element_texts" USING gin ("folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "elements_framework_idx" ON "elements" USING btree ("framework_id","position");--> statement-breakpoint
CREATE INDEX "elements_parent_idx" ON "elements" USING btree ("parent_id","position");--> statement-breakpoint
CREATE INDEX "elements_ancestors_idx" ON "elements" USING gin ("ancestors");--> statement-breakpoint
CREATE UNIQUE INDEX "links_pair_idx" ON "links" USING btree ("from_id","to_id");--> statement-breakpoint
CREATE INDEX "links_to_idx" ON "links" USING btree ("to_id");