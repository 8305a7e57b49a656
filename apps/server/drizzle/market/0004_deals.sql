CREATE TABLE "market_auction_bidders" (
	"region_code" text NOT NULL,
	"lot_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"bidder_no" integer NOT NULL,
	"user_id" uuid,
	"deposit_fen" bigint NOT NULL,
	"deposit_reference" text NOT NULL,
	"deposit_status" text DEFAULT 'held' NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_auction_bidders_region_code_lot_id_org_id_pk" PRIMARY KEY("region_code","lot_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "market_auction_bids" (
	"region_code" text NOT NULL,
	"lot_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bidder_no" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid,
	"amount_fen" bigint NOT NULL,
	"placed_at" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "market_auction_bids_region_code_lot_id_seq_pk" PRIMARY KEY("region_code","lot_id","seq")
);
--> statement-breakpoint
CREATE TABLE "market_auction_lots" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"listing_region_code" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"seller_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"field" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"scheduled_ends_at" timestamp with time zone NOT NULL,
	"start_price_fen" bigint NOT NULL,
	"reserve_fen" bigint NOT NULL,
	"increment_fen" bigint NOT NULL,
	"deposit_fen" bigint NOT NULL,
	"extension_window_ms" integer NOT NULL,
	"extension_ms" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"current_fen" bigint,
	"bid_count" integer DEFAULT 0 NOT NULL,
	"bidder_count" integer DEFAULT 0 NOT NULL,
	"head_hash" text,
	"outcome" text,
	"winner_org_id" uuid,
	"winning_bid_seq" integer,
	"settled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_auction_lots_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "market_auction_lots_prices" CHECK ("market_auction_lots"."start_price_fen" > 0 AND "market_auction_lots"."reserve_fen" >= "market_auction_lots"."start_price_fen" AND "market_auction_lots"."increment_fen" > 0 AND "market_auction_lots"."deposit_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "market_deals" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"origin" text NOT NULL,
	"origin_id" uuid NOT NULL,
	"listing_region_code" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"buyer_region_code" text NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"seller_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"field" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_deals_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "market_orders" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"listing_region_code" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"seller_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_orders_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "market_negotiation_offers" (
	"region_code" text NOT NULL,
	"negotiation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"side" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_negotiation_offers_region_code_negotiation_id_seq_pk" PRIMARY KEY("region_code","negotiation_id","seq")
);
--> statement-breakpoint
CREATE TABLE "market_negotiations" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"listing_region_code" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"seller_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"agreed_fen" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_negotiations_region_code_id_pk" PRIMARY KEY("region_code","id")
);
--> statement-breakpoint
CREATE TABLE "market_tech_contracts" (
	"region_code" text NOT NULL,
	"id" uuid NOT NULL,
	"deal_id" uuid,
	"parties_contract_no" text,
	"registration_no" text,
	"type" text NOT NULL,
	"subtype" text NOT NULL,
	"title" text NOT NULL,
	"field" text NOT NULL,
	"seller" jsonb NOT NULL,
	"seller_uscc" text NOT NULL,
	"seller_district_code" text,
	"buyer" jsonb NOT NULL,
	"total_fen" bigint NOT NULL,
	"non_technical_fen" bigint NOT NULL,
	"technology_fen" bigint NOT NULL,
	"non_technical_costs" jsonb NOT NULL,
	"payments" jsonb NOT NULL,
	"signed_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"owner_org_id" uuid,
	"created_by" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"registered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_tech_contracts_region_code_id_pk" PRIMARY KEY("region_code","id"),
	CONSTRAINT "market_tech_contracts_amounts" CHECK ("market_tech_contracts"."total_fen" > 0 AND "market_tech_contracts"."technology_fen" >= 0 AND "market_tech_contracts"."non_technical_fen" >= 0 AND "market_tech_contracts"."technology_fen" + "market_tech_contracts"."non_technical_fen" = "market_tech_contracts"."total_fen")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "market_auction_bidders_no" ON "market_auction_bidders" USING btree ("region_code","lot_id","bidder_no");--> statement-breakpoint
CREATE UNIQUE INDEX "market_auction_bids_amount" ON "market_auction_bids" USING btree ("region_code","lot_id","amount_fen");--> statement-breakpoint
CREATE INDEX "market_auction_lots_listing" ON "market_auction_lots" USING btree ("listing_region_code","listing_id");--> statement-breakpoint
CREATE INDEX "market_auction_lots_due" ON "market_auction_lots" USING btree ("region_code","status","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "market_deals_origin" ON "market_deals" USING btree ("region_code","origin","origin_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_deals_listing_buyer" ON "market_deals" USING btree ("region_code","listing_region_code","listing_id","buyer_org_id");--> statement-breakpoint
CREATE INDEX "market_negotiations_parties" ON "market_negotiations" USING btree ("region_code","buyer_org_id","seller_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_tech_contracts_deal" ON "market_tech_contracts" USING btree ("region_code","deal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_tech_contracts_parties_no" ON "market_tech_contracts" USING btree ("region_code","seller_uscc","parties_contract_no");--> statement-breakpoint
CREATE UNIQUE INDEX "market_tech_contracts_registration_no" ON "market_tech_contracts" USING btree ("region_code","registration_no");--> statement-breakpoint
CREATE INDEX "market_tech_contracts_stats" ON "market_tech_contracts" USING btree ("region_code","status","registered_at");