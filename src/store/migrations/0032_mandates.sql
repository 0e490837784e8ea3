CREATE TABLE "mandate_answers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mandate_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"target_id" text NOT NULL,
	"relation" text DEFAULT 'answers' NOT NULL,
	"evidence" text NOT NULL,
	"state" text NOT NULL,
	"proposed_by" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandate_answers_kind_check" CHECK ("mandate_answers"."kind" in ('roadmap', 'roadmap-node', 'initiative', 'pledge', 'document')),
	CONSTRAINT "mandate_answers_relation_check" CHECK ("mandate_answers"."relation" in ('answers', 'supersedes')),
	CONSTRAINT "mandate_answers_state_check" CHECK ("mandate_answers"."state" in ('proposed', 'confirmed', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "mandate_corrections" (
	"mandate_id" bigint NOT NULL,
	"field" text NOT NULL,
	"value" jsonb NOT NULL,
	"reason" text,
	"corrected_by" text NOT NULL,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandate_corrections_mandate_id_field_pk" PRIMARY KEY("mandate_id","field")
);
--> statement-breakpoint
CREATE TABLE "mandates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"document_id" text NOT NULL,
	"document_date" date,
	"eid" text NOT NULL,
	"ordinal" integer NOT NULL,
	"position" integer NOT NULL,
	"paragraph" text,
	"lang" text NOT NULL,
	"verb" text NOT NULL,
	"verb_text" text NOT NULL,
	"force" text NOT NULL,
	"actors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"object" text DEFAULT '' NOT NULL,
	"deadline_text" text,
	"deadline_from" date,
	"deadline_to" date,
	"deadline_recurrence" text,
	"not_mandate" boolean DEFAULT false NOT NULL,
	"not_mandate_reason" text,
	"present" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandates_force_check" CHECK ("mandates"."force" in ('decision', 'commitment', 'request', 'invitation'))
);
--> statement-breakpoint
ALTER TABLE "mandate_answers" ADD CONSTRAINT "mandate_answers_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_corrections" ADD CONSTRAINT "mandate_corrections_mandate_id_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mandate_answers_target_idx" ON "mandate_answers" USING btree ("mandate_id","kind","target_id");--> statement-breakpoint
CREATE INDEX "mandate_answers_kind_idx" ON "mandate_answers" USING btree ("kind","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mandates_key_idx" ON "mandates" USING btree ("key");--> statement-breakpoint
CREATE INDEX "mandates_document_idx" ON "mandates" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "mandates_order_idx" ON "mandates" USING btree ("document_date" DESC NULLS LAST,"document_id","position","ordinal");--> statement-breakpoint
CREATE INDEX "mandates_actor_ids_idx" ON "mandates" USING gin ("actor_ids");--> statement-breakpoint
CREATE INDEX "mandates_deadline_idx" ON "mandates" USING btree ("deadline_to");--> statement-breakpoint
CREATE INDEX "mandates_facts_idx" ON "mandates" USING btree ("force","deadline_to","id") WHERE "mandates"."present" AND NOT "mandates"."not_mandate";--> statement-breakpoint
-- The list's counts read ~60k narrow index entries: faster alone than with parallel workers to start
-- (measured in bench/mandates.ts on PostgreSQL: the workers' start-up dominated on a busy machine).
ALTER TABLE "mandates" SET (parallel_workers = 0);
