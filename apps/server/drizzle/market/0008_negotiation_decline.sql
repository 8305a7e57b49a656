ALTER TABLE "market_negotiations" ADD COLUMN "declined_side" text;--> statement-breakpoint
ALTER TABLE "market_negotiations" ADD COLUMN "declined_by" uuid;--> statement-breakpoint
ALTER TABLE "market_negotiations" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "market_negotiations" ADD COLUMN "decline_reason" text;