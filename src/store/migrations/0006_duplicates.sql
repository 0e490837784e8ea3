CREATE TABLE "duplicate_decisions" (
	"first_id" text NOT NULL,
	"second_id" text NOT NULL,
	"decision" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_decisions_first_id_second_id_pk" PRIMARY KEY("first_id","second_id"),
	CONSTRAINT "duplicate_decisions_order" CHECK ("duplicate_decisions"."first_id" < "duplicate_decisions"."second_id"),
	CONSTRAINT "duplicate_decisions_decision_check" CHECK ("duplicate_decisions"."decision" in ('duplicate', 'not-duplicate'))
);
--> statement-breakpoint
ALTER TABLE "duplicate_decisions" ADD CONSTRAINT "duplicate_decisions_first_id_initiatives_id_fk" FOREIGN KEY ("first_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_decisions" ADD CONSTRAINT "duplicate_decisions_second_id_initiatives_id_fk" FOREIGN KEY ("second_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_texts_title_trgm_idx" ON "initiative_texts" USING gin (lower("title") gin_trgm_ops);