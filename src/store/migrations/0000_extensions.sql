-- Trigram matching (OCR-tolerant, fuzzy search) and accent folding; both ship with PGlite and
-- with Debian's postgresql package.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
