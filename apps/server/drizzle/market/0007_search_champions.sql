CREATE TABLE "market_search_champions" (
	"region_code" text NOT NULL,
	"term" text COLLATE "C" NOT NULL,
	"listing_id" uuid NOT NULL,
	"impact" real NOT NULL,
	"tf" real NOT NULL,
	"search_length" integer NOT NULL,
	"kind" text NOT NULL,
	"field" text NOT NULL,
	"trl" smallint,
	"price_band" text NOT NULL,
	"district_code" text,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "market_search_champions_region_code_term_listing_id_pk" PRIMARY KEY("region_code","term","listing_id")
);
--> statement-breakpoint
ALTER TABLE "market_search_terms" ADD COLUMN "champion_floor" real;--> statement-breakpoint
ALTER TABLE "market_search_terms" ADD COLUMN "champion_size" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Terms compare byte-wise (their order only serves the indexes; glibc collation made every btree step slower).
ALTER TABLE "market_search_terms" ALTER COLUMN "term" TYPE text COLLATE "C";--> statement-breakpoint
-- Searches are many small index lookups: starting parallel workers for them costs more than the work.
ALTER TABLE "market_search_champions" SET (parallel_workers = 0);--> statement-breakpoint
ALTER TABLE "market_listings" SET (parallel_workers = 0);
