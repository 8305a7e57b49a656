CREATE TABLE "market_listing_attachments" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_listing_attachments_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "market_import_jobs" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"organisation_id" uuid,
	"publish_status" text NOT NULL,
	"status" text NOT NULL,
	"total_bytes" bigint NOT NULL,
	"read_bytes" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_imported" integer DEFAULT 0 NOT NULL,
	"rows_failed" integer DEFAULT 0 NOT NULL,
	"error" jsonb,
	"headers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "market_import_jobs_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "market_import_rejects" (
	"region_code" text NOT NULL,
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	CONSTRAINT "market_import_rejects_region_code_job_id_row_number_pk" PRIMARY KEY("region_code","job_id","row_number")
);
--> statement-breakpoint
CREATE INDEX "market_listing_attachments_listing" ON "market_listing_attachments" USING btree ("region_code","listing_id");