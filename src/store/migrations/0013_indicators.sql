CREATE TABLE "assessments" (
	"indicator_code" text NOT NULL,
	"area" text NOT NULL,
	"target_id" text NOT NULL,
	"method" text NOT NULL,
	"variant" text NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"category" text,
	"target_achieved" boolean NOT NULL,
	"reason" text,
	"method_version" text NOT NULL,
	"components" jsonb NOT NULL,
	"projection" jsonb,
	"aggregation" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_indicator_code_area_target_id_method_variant_source_pk" PRIMARY KEY("indicator_code","area","target_id","method","variant","source")
);
--> statement-breakpoint
CREATE TABLE "indicator_elements" (
	"indicator_code" text NOT NULL,
	"element_id" text NOT NULL,
	"type" text NOT NULL,
	"rationale" text,
	"source_id" text NOT NULL,
	"asserted_by" text NOT NULL,
	CONSTRAINT "indicator_elements_indicator_code_element_id_pk" PRIMARY KEY("indicator_code","element_id"),
	CONSTRAINT "indicator_elements_type_check" CHECK ("indicator_elements"."type" in ('measures', 'proxy-for'))
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" text PRIMARY KEY NOT NULL,
	"indicator_code" text NOT NULL,
	"area" text,
	"year" smallint NOT NULL,
	"value" double precision NOT NULL,
	"label" text NOT NULL,
	"source_id" text NOT NULL,
	"caveats" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_texts" (
	"indicator_code" text NOT NULL,
	"lang" text NOT NULL,
	"name" text NOT NULL,
	"definition" text,
	"source_id" text NOT NULL,
	CONSTRAINT "indicator_texts_indicator_code_lang_pk" PRIMARY KEY("indicator_code","lang")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"limit_min" double precision,
	"limit_max" double precision,
	"sdg_series" text,
	"disaggregations" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_id" text NOT NULL,
	"licence" text NOT NULL,
	"kind" text NOT NULL,
	"caveats" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "indicators_direction_check" CHECK ("indicators"."direction" in ('increase', 'decrease'))
);
--> statement-breakpoint
CREATE TABLE "observation_imports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "observation_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"format" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"rows" integer NOT NULL,
	"inserted" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"indicator_code" text NOT NULL,
	"area" text NOT NULL,
	"period" text NOT NULL,
	"year" smallint NOT NULL,
	"dimensions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dimensions_key" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"unit_multiplier" smallint,
	"status" text,
	"source" text NOT NULL,
	"notes" text,
	"import_id" bigint,
	CONSTRAINT "observations_indicator_code_area_dimensions_key_period_source_pk" PRIMARY KEY("indicator_code","area","dimensions_key","period","source")
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_target_id_indicator_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."indicator_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_elements" ADD CONSTRAINT "indicator_elements_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_elements" ADD CONSTRAINT "indicator_elements_element_id_elements_id_fk" FOREIGN KEY ("element_id") REFERENCES "public"."elements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_elements" ADD CONSTRAINT "indicator_elements_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_texts" ADD CONSTRAINT "indicator_texts_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_texts" ADD CONSTRAINT "indicator_texts_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessments_area_idx" ON "assessments" USING btree ("area");--> statement-breakpoint
CREATE INDEX "indicator_elements_element_idx" ON "indicator_elements" USING btree ("element_id");--> statement-breakpoint
CREATE INDEX "indicator_targets_indicator_idx" ON "indicator_targets" USING btree ("indicator_code");