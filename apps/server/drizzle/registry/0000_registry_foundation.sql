CREATE TABLE "registry_certificates" (
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"level" text DEFAULT 'national' NOT NULL,
	"number" text,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	CONSTRAINT "registry_certificates_region_code_organisation_id_id_pk" PRIMARY KEY("region_code","organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_enterprises" (
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"founded_on" date,
	"industry_code" text,
	"tech_field" text,
	"cluster" text,
	"listed" boolean,
	"industry_restricted" boolean DEFAULT false NOT NULL,
	"incident_safety_quality" boolean DEFAULT false NOT NULL,
	"incident_environmental" boolean DEFAULT false NOT NULL,
	"incident_dishonesty" boolean DEFAULT false NOT NULL,
	"incident_abnormal_listing" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_enterprises_region_code_organisation_id_pk" PRIMARY KEY("region_code","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "registry_fiscal_years" (
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"sales_revenue_fen" bigint,
	"operating_revenue_fen" bigint,
	"main_business_revenue_fen" bigint,
	"high_tech_revenue_fen" bigint,
	"total_revenue_fen" bigint,
	"rd_expense_fen" bigint,
	"rd_expense_domestic_fen" bigint,
	"costs_and_expenses_fen" bigint,
	"total_assets_fen" bigint,
	"total_liabilities_fen" bigint,
	"net_assets_fen" bigint,
	"net_profit_fen" bigint,
	"employees" integer,
	"science_staff" integer,
	"rd_staff" integer,
	"conversions" integer,
	CONSTRAINT "registry_fiscal_years_region_code_organisation_id_year_pk" PRIMARY KEY("region_code","organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "registry_honours" (
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"level" text,
	"role" text,
	"rank" integer,
	"year" integer,
	"amount_fen" bigint,
	"on_date" date,
	CONSTRAINT "registry_honours_region_code_organisation_id_id_pk" PRIMARY KEY("region_code","organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_import_jobs" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
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
	CONSTRAINT "registry_import_jobs_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "registry_import_rejects" (
	"region_code" text NOT NULL,
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	CONSTRAINT "registry_import_rejects_region_code_job_id_row_number_pk" PRIMARY KEY("region_code","job_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "registry_ip_holdings" (
	"region_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"acquisition" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "registry_ip_holdings_region_code_organisation_id_kind_status_acquisition_pk" PRIMARY KEY("region_code","organisation_id","kind","status","acquisition")
);
--> statement-breakpoint
CREATE TABLE "registry_platforms" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"host_organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"approved_on" date NOT NULL,
	"revoked_on" date,
	CONSTRAINT "registry_platforms_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "registry_talents" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"programme" text NOT NULL,
	"year" integer NOT NULL,
	CONSTRAINT "registry_talents_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE INDEX "registry_certificates_expiry" ON "registry_certificates" USING btree ("region_code","valid_until");--> statement-breakpoint
CREATE INDEX "registry_enterprises_cluster" ON "registry_enterprises" USING btree ("region_code","cluster");--> statement-breakpoint
CREATE INDEX "registry_platforms_host" ON "registry_platforms" USING btree ("region_code","host_organisation_id");