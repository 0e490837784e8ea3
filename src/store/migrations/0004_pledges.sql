CREATE TABLE "pledge_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"pledge_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"currency" text NOT NULL,
	"date" date NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledge_transactions_kind_check" CHECK ("pledge_transactions"."kind" in ('pledged', 'committed', 'disbursed', 'spent'))
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"metric" text NOT NULL,
	"unit" text NOT NULL,
	"baseline_value" numeric NOT NULL,
	"baseline_date" date NOT NULL,
	"target_value" numeric NOT NULL,
	"target_date" date NOT NULL,
	"beneficiaries" bigint,
	"weight" numeric,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledges_dates_check" CHECK ("pledges"."target_date" > "pledges"."baseline_date")
);
--> statement-breakpoint
CREATE TABLE "progress_updates" (
	"id" text PRIMARY KEY NOT NULL,
	"pledge_id" text NOT NULL,
	"date" date NOT NULL,
	"value" numeric NOT NULL,
	"narrative" text NOT NULL,
	"evidence_url" text,
	"state" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "progress_updates_state_check" CHECK ("progress_updates"."state" in ('submitted', 'published', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "pledge_transactions" ADD CONSTRAINT "pledge_transactions_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pledge_transactions_pledge_idx" ON "pledge_transactions" USING btree ("pledge_id");--> statement-breakpoint
CREATE INDEX "pledges_initiative_idx" ON "pledges" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "progress_updates_pledge_idx" ON "progress_updates" USING btree ("pledge_id","date");