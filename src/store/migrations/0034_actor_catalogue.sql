CREATE TABLE "actor_aliases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" text NOT NULL,
	"lang" text NOT NULL,
	"alias" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actor_merges" (
	"merged_id" text PRIMARY KEY NOT NULL,
	"survivor_id" text NOT NULL,
	"reason" text,
	"merged_by" text NOT NULL,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actor_merges_distinct_check" CHECK ("actor_merges"."merged_id" <> "actor_merges"."survivor_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "actor_aliases_name_idx" ON "actor_aliases" USING btree ("lang",lower("alias"));--> statement-breakpoint
CREATE INDEX "actor_aliases_actor_idx" ON "actor_aliases" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "actor_merges_survivor_idx" ON "actor_merges" USING btree ("survivor_id");