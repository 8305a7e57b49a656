ALTER TABLE "market_listings" ADD COLUMN "search_xid" xid8 DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "market_listings_search_xid" ON "market_listings" USING btree ("region_code","search_xid","id");--> statement-breakpoint
-- Every update stamps the row with its transaction, so the in-memory search index sees it (search/memory/).
CREATE FUNCTION market_listings_stamp_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_xid := pg_current_xact_id();
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER market_listings_stamp_xid BEFORE UPDATE ON "market_listings"
  FOR EACH ROW EXECUTE FUNCTION market_listings_stamp_xid();
