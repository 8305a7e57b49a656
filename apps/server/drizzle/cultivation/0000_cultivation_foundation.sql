CREATE TABLE "cultivation_inputs" (
	"region_code" text NOT NULL,
	"run_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"profile" jsonb NOT NULL,
	CONSTRAINT "cultivation_inputs_region_code_run_id_organisation_id_pk" PRIMARY KEY("region_code","run_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "cultivation_results" (
	"region_code" text NOT NULL,
	"run_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"version" text NOT NULL,
	"outcome" text NOT NULL,
	"score_min" numeric,
	"score_max" numeric,
	"unmet" integer NOT NULL,
	"unknown" integer NOT NULL,
	"gap_criteria" text[] NOT NULL,
	CONSTRAINT "cultivation_results_region_code_run_id_organisation_id_rule_pk" PRIMARY KEY("region_code","run_id","organisation_id","rule")
);
--> statement-breakpoint
CREATE TABLE "cultivation_runs" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"rule_versions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "cultivation_runs_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "cultivation_pool_members" (
	"region_code" text NOT NULL,
	"tier" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"added_run_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mentor" text,
	"removed_reason" text,
	"removed_at" timestamp with time zone,
	CONSTRAINT "cultivation_pool_members_region_code_tier_organisation_id_pk" PRIMARY KEY("region_code","tier","organisation_id")
);
--> statement-breakpoint
CREATE INDEX "cultivation_results_rule" ON "cultivation_results" USING btree ("region_code","run_id","rule","outcome");