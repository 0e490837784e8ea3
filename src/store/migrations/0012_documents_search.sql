-- Search over document paragraphs (hand-written: drizzle-kit cannot express these).
-- Full text: one tsvector per paragraph, built by the ingest service with the regconfig of the
-- paragraph's language (Chinese segmented into a `simple` vector). One partial index per language:
-- a search in all six languages runs one branch per language, and each branch reads only its own
-- language's index instead of every language's matches filtered afterwards.
CREATE INDEX "document_paragraphs_search_ar_idx" ON "document_paragraphs" USING gin ("search") WHERE "lang" = 'ar';--> statement-breakpoint
CREATE INDEX "document_paragraphs_search_zh_idx" ON "document_paragraphs" USING gin ("search") WHERE "lang" = 'zh';--> statement-breakpoint
CREATE INDEX "document_paragraphs_search_en_idx" ON "document_paragraphs" USING gin ("search") WHERE "lang" = 'en';--> statement-breakpoint
CREATE INDEX "document_paragraphs_search_fr_idx" ON "document_paragraphs" USING gin ("search") WHERE "lang" = 'fr';--> statement-breakpoint
CREATE INDEX "document_paragraphs_search_ru_idx" ON "document_paragraphs" USING gin ("search") WHERE "lang" = 'ru';--> statement-breakpoint
CREATE INDEX "document_paragraphs_search_es_idx" ON "document_paragraphs" USING gin ("search") WHERE "lang" = 'es';--> statement-breakpoint
-- OCR tolerance: trigrams of the folded text of OCR-damaged versions (الإنترنط still finds الإنترنت).
-- Partial, so clean text (most of the corpus) costs nothing here.
CREATE INDEX "document_paragraphs_fold_trgm_idx" ON "document_paragraphs" USING gin ("fold" gin_trgm_ops) WHERE "ocr";--> statement-breakpoint
-- Filters by kind within a language.
CREATE INDEX "document_paragraphs_kind_idx" ON "document_paragraphs" ("lang", "kind");
