CREATE TABLE "roadmap_node_initiatives" (
	"node_id" text NOT NULL,
	"initiative_id" text NOT NULL,
	CONSTRAINT "roadmap_node_initiatives_node_id_initiative_id_pk" PRIMARY KEY("node_id","initiative_id")
);
--> statement-breakpoint
CREATE TABLE "paragraph_links" (
	"paragraph_id" bigint NOT NULL,
	"element_id" text NOT NULL,
	"type" text NOT NULL,
	"state" text NOT NULL,
	"score" real,
	"evidence" text,
	"suggested_by" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paragraph_links_paragraph_id_element_id_pk" PRIMARY KEY("paragraph_id","element_id"),
	CONSTRAINT "paragraph_links_type_check" CHECK ("paragraph_links"."type" in ('contributes-to', 'measured-by', 'relates-to', 'same-as')),
	CONSTRAINT "paragraph_links_state_check" CHECK ("paragraph_links"."state" in ('suggested', 'confirmed', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "roadmap_node_initiatives" ADD CONSTRAINT "roadmap_node_initiatives_node_id_roadmap_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."roadmap_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_node_initiatives" ADD CONSTRAINT "roadmap_node_initiatives_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraph_links" ADD CONSTRAINT "paragraph_links_paragraph_id_document_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."document_paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paragraph_links" ADD CONSTRAINT "paragraph_links_element_id_elements_id_fk" FOREIGN KEY ("element_id") REFERENCES "public"."elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roadmap_node_initiatives_initiative_idx" ON "roadmap_node_initiatives" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "paragraph_links_element_idx" ON "paragraph_links" USING btree ("element_id","state");