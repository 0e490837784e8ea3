-- Element sets (src/coverage/schema.ts) and the counters the coverage matrix reads, kept by
-- triggers so that every writer (the application, imports, scripts) keeps them right.
CREATE FUNCTION "element_set_of"(wanted text[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  sorted text[];
  found integer;
BEGIN
  SELECT coalesce(array_agg(DISTINCT x ORDER BY x), '{}') INTO sorted FROM unnest(wanted) x;
  SELECT s.id INTO found FROM "element_sets" s WHERE s."closure" = sorted;
  IF found IS NULL THEN
    INSERT INTO "element_sets" ("closure") VALUES (sorted) ON CONFLICT DO NOTHING RETURNING "element_sets".id INTO found;
    IF found IS NULL THEN
      SELECT s.id INTO found FROM "element_sets" s WHERE s."closure" = sorted;
    END IF;
  END IF;
  RETURN found;
END $$;--> statement-breakpoint
CREATE FUNCTION "initiative_element_set"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.element_set_id := element_set_of(NEW.element_closure);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "initiatives_element_set_insert" BEFORE INSERT ON "initiatives" FOR EACH ROW EXECUTE FUNCTION "initiative_element_set"();--> statement-breakpoint
CREATE TRIGGER "initiatives_element_set_update" BEFORE UPDATE OF "element_closure" ON "initiatives" FOR EACH ROW EXECUTE FUNCTION "initiative_element_set"();--> statement-breakpoint
CREATE FUNCTION "paragraph_element_set"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.element_set_id := CASE WHEN NEW.element_closure = '{}' THEN NULL ELSE element_set_of(NEW.element_closure) END;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "document_paragraphs_element_set" BEFORE UPDATE OF "element_closure" ON "document_paragraphs" FOR EACH ROW EXECUTE FUNCTION "paragraph_element_set"();--> statement-breakpoint
CREATE FUNCTION "pledge_count_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.initiative_id IS NOT NULL THEN
    UPDATE "initiatives" SET "pledge_count" = "pledge_count" + 1 WHERE id = NEW.initiative_id;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.initiative_id IS NOT NULL THEN
    UPDATE "initiatives" SET "pledge_count" = "pledge_count" - 1 WHERE id = OLD.initiative_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "pledges_count_insert" AFTER INSERT ON "pledges" FOR EACH ROW EXECUTE FUNCTION "pledge_count_refresh"();--> statement-breakpoint
CREATE TRIGGER "pledges_count_delete" AFTER DELETE ON "pledges" FOR EACH ROW EXECUTE FUNCTION "pledge_count_refresh"();--> statement-breakpoint
CREATE TRIGGER "pledges_count_update" AFTER UPDATE OF "initiative_id" ON "pledges" FOR EACH ROW
  WHEN (OLD.initiative_id IS DISTINCT FROM NEW.initiative_id) EXECUTE FUNCTION "pledge_count_refresh"();--> statement-breakpoint
CREATE FUNCTION "pledge_reported_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target text;
BEGIN
  IF TG_OP = 'DELETE' THEN target := OLD.pledge_id; ELSE target := NEW.pledge_id; END IF;
  UPDATE "pledges" SET "reported_on" = (SELECT max(date) FROM "progress_updates" WHERE pledge_id = target AND state = 'published')
  WHERE id = target;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "progress_updates_reported" AFTER INSERT OR UPDATE OR DELETE ON "progress_updates" FOR EACH ROW EXECUTE FUNCTION "pledge_reported_refresh"();--> statement-breakpoint
UPDATE "initiatives" SET "element_set_id" = element_set_of("element_closure"),
  "pledge_count" = (SELECT count(*) FROM "pledges" p WHERE p.initiative_id = "initiatives".id);--> statement-breakpoint
UPDATE "pledges" SET "reported_on" = (SELECT max(date) FROM "progress_updates" u WHERE u.pledge_id = "pledges".id AND u.state = 'published');--> statement-breakpoint
UPDATE "document_paragraphs" SET "element_set_id" = element_set_of("element_closure") WHERE "element_closure" <> '{}';
