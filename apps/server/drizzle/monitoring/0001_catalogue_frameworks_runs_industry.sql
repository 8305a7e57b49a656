CREATE TABLE "index_frameworks" (
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "index_frameworks_region_code_code_pk" PRIMARY KEY("region_code","code")
);
--> statement-breakpoint
CREATE TABLE "index_runs" (
	"region_code" text NOT NULL,
	"id" text NOT NULL,
	"framework_code" text NOT NULL,
	"framework_version" integer NOT NULL,
	"period" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "index_runs_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "industry_figures" (
	"region_code" text NOT NULL,
	"dataset_code" text NOT NULL,
	"period" text NOT NULL,
	"item" text NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "industry_figures_region_code_dataset_code_period_item_pk" PRIMARY KEY("region_code","dataset_code","period","item")
);
--> statement-breakpoint
CREATE TABLE "industry_prices" (
	"region_code" text NOT NULL,
	"dataset_code" text NOT NULL,
	"period" text NOT NULL,
	"product_class" text NOT NULL,
	"product" text NOT NULL,
	"price" numeric NOT NULL,
	CONSTRAINT "industry_prices_region_code_dataset_code_period_product_pk" PRIMARY KEY("region_code","dataset_code","period","product")
);
--> statement-breakpoint
CREATE TABLE "industry_surveys" (
	"region_code" text NOT NULL,
	"dataset_code" text NOT NULL,
	"period" text NOT NULL,
	"question" text NOT NULL,
	"up" integer NOT NULL,
	"flat" integer NOT NULL,
	"down" integer NOT NULL,
	CONSTRAINT "industry_surveys_region_code_dataset_code_period_question_pk" PRIMARY KEY("region_code","dataset_code","period","question")
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "source" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "formula" jsonb;