ALTER TABLE "requested_actions" ADD COLUMN "force" text DEFAULT 'position' NOT NULL;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD COLUMN "actors" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD COLUMN "object" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD COLUMN "deadline_from" date;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD COLUMN "deadline_to" date;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD COLUMN "deadline_recurrence" text;--> statement-breakpoint
ALTER TABLE "requested_actions" ADD COLUMN "inherited" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Rows read before this migration carry only the verb label: give them its force (actions.ts LEXICON).
UPDATE "requested_actions" SET "force" = CASE
  WHEN "verb" IN ('decides', 'resolves', 'adopts', 'endorses') THEN 'decision'
  WHEN "verb" = 'commits' THEN 'commitment'
  WHEN "verb" IN ('requests', 'calls upon', 'urges') THEN 'request'
  WHEN "verb" IN ('invites', 'encourages', 'recommends', 'calls for') THEN 'invitation'
  ELSE 'position' END;
