CREATE TABLE "roadmap_node_contributors" (
	"node_id" text NOT NULL,
	"organization_id" text NOT NULL,
	CONSTRAINT "roadmap_node_contributors_node_id_organization_id_pk" PRIMARY KEY("node_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "roadmap_node_elements" (
	"node_id" text NOT NULL,
	"element_id" text NOT NULL,
	CONSTRAINT "roadmap_node_elements_node_id_element_id_pk" PRIMARY KEY("node_id","element_id")
);
--> statement-breakpoint
CREATE TABLE "roadmap_node_indicators" (
	"node_id" text NOT NULL,
	"indicator_code" text NOT NULL,
	"target_value" numeric,
	"target_year" integer,
	CONSTRAINT "roadmap_node_indicators_node_id_indicator_code_pk" PRIMARY KEY("node_id","indicator_code")
);
--> statement-breakpoint
CREATE TABLE "roadmap_nodes" (
	"id" text PRIMARY KEY NOT NULL,
	"roadmap_id" text NOT NULL,
	"parent_id" text,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lead_organization_id" text,
	"start_date" date,
	"due_date" date,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmap_nodes_kind_check" CHECK ("roadmap_nodes"."kind" in ('outcome', 'output', 'activity')),
	CONSTRAINT "roadmap_nodes_status_check" CHECK ("roadmap_nodes"."status" in ('planned', 'ongoing', 'completed', 'delayed', 'cancelled')),
	CONSTRAINT "roadmap_nodes_top_check" CHECK (("roadmap_nodes"."kind" = 'outcome') = ("roadmap_nodes"."parent_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "roadmaps" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lang" text NOT NULL,
	"owner_organization_id" text NOT NULL,
	"action_line_id" text,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "roadmaps_state_check" CHECK ("roadmaps"."state" in ('draft', 'published', 'archived'))
);
--> statement-breakpoint
ALTER TABLE "roadmap_node_contributors" ADD CONSTRAINT "roadmap_node_contributors_node_id_roadmap_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."roadmap_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_node_contributors" ADD CONSTRAINT "roadmap_node_contributors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_node_elements" ADD CONSTRAINT "roadmap_node_elements_node_id_roadmap_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."roadmap_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_node_elements" ADD CONSTRAINT "roadmap_node_elements_element_id_elements_id_fk" FOREIGN KEY ("element_id") REFERENCES "public"."elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_node_indicators" ADD CONSTRAINT "roadmap_node_indicators_node_id_roadmap_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."roadmap_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_nodes" ADD CONSTRAINT "roadmap_nodes_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_nodes" ADD CONSTRAINT "roadmap_nodes_parent_id_roadmap_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."roadmap_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_nodes" ADD CONSTRAINT "roadmap_nodes_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_action_line_id_elements_id_fk" FOREIGN KEY ("action_line_id") REFERENCES "public"."elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD CONSTRAINT "roadmaps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roadmap_node_elements_element_idx" ON "roadmap_node_elements" USING btree ("element_id");--> statement-breakpoint
CREATE INDEX "roadmap_nodes_roadmap_idx" ON "roadmap_nodes" USING btree ("roadmap_id","position");--> statement-breakpoint
CREATE INDEX "roadmaps_state_idx" ON "roadmaps" USING btree ("state","updated_at");--> statement-breakpoint
CREATE INDEX "roadmaps_owner_idx" ON "roadmaps" USING btree ("owner_organization_id");