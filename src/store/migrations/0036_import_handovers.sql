CREATE TABLE "import_handovers" (
	"import_id" text PRIMARY KEY NOT NULL,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL
);
