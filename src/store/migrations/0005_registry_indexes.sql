ALTER TABLE "initiative_texts" ADD COLUMN "search" "tsvector";--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "element_closure" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "area_closure" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "initiative_texts_search_idx" ON "initiative_texts" USING gin ("search");--> statement-breakpoint
CREATE INDEX "initiatives_elements_idx" ON "initiatives" USING gin ("element_closure");--> statement-breakpoint
CREATE INDEX "initiatives_areas_idx" ON "initiatives" USING gin ("area_closure");--> statement-breakpoint
-- Records made before these columns existed get them filled (areas without their regions; the next save adds those).
UPDATE "initiatives" i SET "element_closure" = coalesce((
  SELECT array_agg(DISTINCT x ORDER BY x) FROM "initiative_links" l JOIN "elements" e ON e.id = l.element_id, unnest(e.ancestors || e.id) AS x
  WHERE l.initiative_id = i.id), '{}'),
  "area_closure" = coalesce((SELECT array_agg(area_code ORDER BY area_code) FROM "initiative_areas" a WHERE a.initiative_id = i.id), '{}');
