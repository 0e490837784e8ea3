CREATE TABLE "initiative_areas" (
	"initiative_id" text NOT NULL,
	"area_code" text NOT NULL,
	CONSTRAINT "initiative_areas_initiative_id_area_code_pk" PRIMARY KEY("initiative_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "initiative_links" (
	"initiative_id" text NOT NULL,
	"element_id" text NOT NULL,
	"type" text NOT NULL,
	"evidence" text NOT NULL,
	"address" text,
	CONSTRAINT "initiative_links_initiative_id_element_id_pk" PRIMARY KEY("initiative_id","element_id"),
	CONSTRAINT "initiative_links_type_check" CHECK ("initiative_links"."type" in ('contributes-to', 'measured-by', 'relates-to', 'same-as'))
);
--> statement-breakpoint
CREATE TABLE "initiative_partners" (
	"initiative_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "initiative_partners_initiative_id_organization_id_pk" PRIMARY KEY("initiative_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_texts" (
	"initiative_id" text NOT NULL,
	"lang" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "initiative_texts_initiative_id_lang_pk" PRIMARY KEY("initiative_id","lang")
);
--> statement-breakpoint
CREATE TABLE "initiative_web_links" (
	"initiative_id" text NOT NULL,
	"url" text NOT NULL,
	"label" text,
	CONSTRAINT "initiative_web_links_initiative_id_url_pk" PRIMARY KEY("initiative_id","url")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" text PRIMARY KEY NOT NULL,
	"lead_organization_id" text NOT NULL,
	"state" text NOT NULL,
	"status" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"budget_amount" numeric(18, 2),
	"budget_currency" text,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "initiatives_state_check" CHECK ("initiatives"."state" in ('draft', 'submitted', 'returned', 'published', 'rejected', 'archived')),
	CONSTRAINT "initiatives_status_check" CHECK ("initiatives"."status" in ('planned', 'ongoing', 'completed', 'discontinued')),
	CONSTRAINT "initiatives_dates_check" CHECK ("initiatives"."end_date" IS NULL OR "initiatives"."start_date" IS NULL OR "initiatives"."end_date" >= "initiatives"."start_date")
);
--> statement-breakpoint
ALTER TABLE "initiative_areas" ADD CONSTRAINT "initiative_areas_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_links" ADD CONSTRAINT "initiative_links_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_links" ADD CONSTRAINT "initiative_links_element_id_elements_id_fk" FOREIGN KEY ("element_id") REFERENCES "public"."elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_texts" ADD CONSTRAINT "initiative_texts_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_web_links" ADD CONSTRAINT "initiative_web_links_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_areas_area_idx" ON "initiative_areas" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "initiative_links_element_idx" ON "initiative_links" USING btree ("element_id");--> statement-breakpoint
CREATE INDEX "initiative_partners_org_idx" ON "initiative_partners" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "initiatives_state_idx" ON "initiatives" USING btree ("state","updated_at");--> statement-breakpoint
CREATE INDEX "initiatives_lead_idx" ON "initiatives" USING btree ("lead_organization_id");