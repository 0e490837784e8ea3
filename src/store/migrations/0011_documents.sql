CREATE TABLE "document_footnotes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" bigint NOT NULL,
	"paragraph_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"call_offset" integer
);
--> statement-breakpoint
CREATE TABLE "document_paragraphs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" bigint NOT NULL,
	"document_id" text NOT NULL,
	"lang" text NOT NULL,
	"position" integer NOT NULL,
	"eid" text NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"part" text NOT NULL,
	"parent_eid" text,
	"heading" text,
	"level" integer DEFAULT 0 NOT NULL,
	"text" text NOT NULL,
	"fold" text NOT NULL,
	"ocr" boolean DEFAULT false NOT NULL,
	"search" "tsvector"
);
--> statement-breakpoint
CREATE TABLE "document_references" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" bigint NOT NULL,
	"document_id" text NOT NULL,
	"paragraph_id" bigint NOT NULL,
	"footnote" integer,
	"raw" text NOT NULL,
	"symbol" text,
	"kind" text NOT NULL,
	"orientation" text NOT NULL,
	"paragraph" text,
	"instrument" text,
	"target_document_id" text
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"lang" text NOT NULL,
	"title" text,
	"agenda_title" text,
	"content_hash" text NOT NULL,
	"source_file" text NOT NULL,
	"reader" text NOT NULL,
	"provenance" text NOT NULL,
	"ocr_noise" real DEFAULT 0 NOT NULL,
	"parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"symbol" text,
	"organ" text,
	"session" integer,
	"number" text,
	"date" date,
	"kind" text NOT NULL,
	"agenda_item" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_kind_check" CHECK ("documents"."kind" in ('resolution', 'decision', 'report', 'web-page', 'other'))
);
--> statement-breakpoint
CREATE TABLE "requested_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" bigint NOT NULL,
	"paragraph_id" bigint NOT NULL,
	"verb" text NOT NULL,
	"verb_text" text NOT NULL,
	"directive" boolean NOT NULL,
	"addressees" text[] DEFAULT '{}'::text[] NOT NULL,
	"addressee_text" text NOT NULL,
	"deadline_text" text,
	"deadline_year" integer,
	"deadline_session" integer
);
--> statement-breakpoint
ALTER TABLE "document_footnotes" ADD CONSTRAINT "document_footnotes_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_footnotes" ADD CONSTRAINT "document_footnotes_paragraph_id_document_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."document_paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_paragraphs" ADD CONSTRAINT "document_paragraphs_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_references" ADD CONSTRAINT "document_references_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_references" ADD CONSTRAINT "document_references_paragraph_id_document_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."document_paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_references" ADD CONSTRAINT "document_references_target_document_id_documents_id_fk" FOREIGN KEY ("target_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD CONSTRAINT "requested_actions_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD CONSTRAINT "requested_actions_paragraph_id_document_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."document_paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_footnotes_paragraph_idx" ON "document_footnotes" USING btree ("paragraph_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_paragraphs_position_idx" ON "document_paragraphs" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "document_paragraphs_document_idx" ON "document_paragraphs" USING btree ("document_id","lang");--> statement-breakpoint
CREATE INDEX "document_references_document_idx" ON "document_references" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_references_symbol_idx" ON "document_references" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "document_references_target_idx" ON "document_references" USING btree ("target_document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_lang_idx" ON "document_versions" USING btree ("document_id","lang");--> statement-breakpoint
CREATE INDEX "document_versions_hash_idx" ON "document_versions" USING btree ("content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_symbol_idx" ON "documents" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "documents_organ_date_idx" ON "documents" USING btree ("organ","date");--> statement-breakpoint
CREATE INDEX "requested_actions_version_idx" ON "requested_actions" USING btree ("version_id");