-- Search over document paragraphs (hand-written: drizzle-kit cannot express these).
-- Full text: one tsvector per paragraph, built by the ingest service with the regconfig of the
-- paragraph's language (Chinese segmented into a `simple` vector).
CREATE INDEX "document_paragraphs_search_idx" ON "document_paragraphs" USING gin ("search");--> statement-breakpoint
-- OCR tolerance: trigrams of the folded text of OCR-damaged versions (الإنترنط still finds الإنترنت).
-- Partial, so clean text (most of the corpus) costs nothing here.
CREATE INDEX "document_paragraphs_fold_trgm_idx" ON "document_paragraphs" USING gin ("fold" gin_trgm_ops) WHERE "ocr";--> statement-breakpoint
-- Filters by kind within a language.
CREATE INDEX "document_paragraphs_kind_idx" ON "document_paragraphs" ("lang", "kind");
