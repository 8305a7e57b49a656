ALTER TABLE "registry_import_jobs" ADD COLUMN "kind" text DEFAULT 'enterprises' NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_import_jobs" ADD COLUMN "stored_path" text;--> statement-breakpoint
ALTER TABLE "registry_import_jobs" ADD COLUMN "resume_row" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_certificates" ADD CONSTRAINT "registry_certificates_natural" UNIQUE("region_code","organisation_id","kind","number");--> statement-breakpoint
ALTER TABLE "registry_honours" ADD CONSTRAINT "registry_honours_natural" UNIQUE NULLS NOT DISTINCT("region_code","organisation_id","kind","name","year");--> statement-breakpoint
ALTER TABLE "registry_platforms" ADD CONSTRAINT "registry_platforms_natural" UNIQUE("region_code","host_organisation_id","name");--> statement-breakpoint
ALTER TABLE "registry_talents" ADD CONSTRAINT "registry_talents_natural" UNIQUE("region_code","organisation_id","name","programme");