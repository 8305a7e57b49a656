CREATE TABLE "market_listing_links" (
	"region_code" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"linked_listing_id" uuid NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_listing_links_region_code_listing_id_linked_listing_id_pk" PRIMARY KEY("region_code","listing_id","linked_listing_id")
);
--> statement-breakpoint
CREATE TABLE "market_listing_transitions" (
	"region_code" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_listing_transitions_region_code_listing_id_seq_pk" PRIMARY KEY("region_code","listing_id","seq")
);
--> statement-breakpoint
CREATE TABLE "market_listings" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"created_by" uuid,
	"external_id" text,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"field" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"trl" smallint,
	"patents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"transfer_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"price_fen" bigint,
	"budget_min_fen" bigint,
	"budget_max_fen" bigint,
	"deadline" date,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"district_code" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"status_reason" text,
	"search_vector" "tsvector" NOT NULL,
	"search_length" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "market_listings_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "market_match_feedback" (
	"region_code" text NOT NULL,
	"demand_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"judged_by_org_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"note" text,
	"actor_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_match_feedback_region_code_demand_id_achievement_id_judged_by_org_id_pk" PRIMARY KEY("region_code","demand_id","achievement_id","judged_by_org_id")
);
--> statement-breakpoint
CREATE TABLE "market_search_corpus" (
	"region_code" text PRIMARY KEY NOT NULL,
	"docs" integer NOT NULL,
	"total_length" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_search_terms" (
	"region_code" text NOT NULL,
	"term" text NOT NULL,
	"docs" integer NOT NULL,
	CONSTRAINT "market_search_terms_region_code_term_pk" PRIMARY KEY("region_code","term")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "market_listings_owner_external" ON "market_listings" USING btree ("region_code","owner_org_id","external_id");--> statement-breakpoint
CREATE INDEX "market_listings_owner" ON "market_listings" USING btree ("region_code","owner_org_id","status");--> statement-breakpoint
CREATE INDEX "market_listings_search" ON "market_listings" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "market_listings_title_trgm" ON "market_listings" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "market_listings_published" ON "market_listings" USING btree ("region_code","status","published_at");--> statement-breakpoint
CREATE INDEX "market_match_feedback_achievement" ON "market_match_feedback" USING btree ("region_code","achievement_id");