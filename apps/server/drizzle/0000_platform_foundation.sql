CREATE TABLE "audit_log" (
	"region_code" text NOT NULL,
	"seq" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_region_code_seq_pk" PRIMARY KEY("region_code","seq")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"uscc" text NOT NULL,
	"district_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"email" text,
	"phone" text,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"organisation_id" uuid,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
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
--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_region_uscc" ON "organisations" USING btree ("region_code","uscc");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_phone" ON "users" USING btree ("phone");