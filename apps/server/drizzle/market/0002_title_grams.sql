DROP INDEX "market_listings_title_trgm";--> statement-breakpoint
ALTER TABLE "market_listings" ADD COLUMN "title_grams" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "market_listings_title_trgm" ON "market_listings" USING gin ("title_grams" gin_trgm_ops);