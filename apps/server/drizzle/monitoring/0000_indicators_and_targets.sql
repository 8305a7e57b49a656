CREATE TABLE "action_plans" (
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"start_period" text NOT NULL,
	"end_period" text NOT NULL,
	CONSTRAINT "action_plans_region_code_code_pk" PRIMARY KEY("region_code","code")
);
--> statement-breakpoint
CREATE TABLE "indicator_observations" (
	"region_code" text NOT NULL,
	"indicator_code" text NOT NULL,
	"period" text NOT NULL,
	"value" numeric NOT NULL,
	"status" text DEFAULT 'final' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "indicator_observations_region_code_indicator_code_period_pk" PRIMARY KEY("region_code","indicator_code","period")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"unit_en" text NOT NULL,
	"direction" smallint DEFAULT 1 NOT NULL,
	"definition_zh" text DEFAULT '' NOT NULL,
	"definition_en" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"region_code" text NOT NULL,
	"plan_code" text NOT NULL,
	"indicator_code" text NOT NULL,
	"baseline_period" text,
	"baseline_value" numeric,
	"target_period" text NOT NULL,
	"target_value" numeric NOT NULL,
	"comparison" text DEFAULT 'at_least' NOT NULL,
	CONSTRAINT "plan_targets_region_code_plan_code_indicator_code_pk" PRIMARY KEY("region_code","plan_code","indicator_code")
);
