CREATE TABLE "privacy_keys" (
	"organization_id" bigint PRIMARY KEY NOT NULL,
	"pseudonym_key" "bytea" DEFAULT sha256((gen_random_uuid()::text || gen_random_uuid()::text)::bytea) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD COLUMN "redaction" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD COLUMN "works_council" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD COLUMN "works_council_k" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "privacy_keys" ADD CONSTRAINT "privacy_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD CONSTRAINT "privacy_settings_works_council_k_check" CHECK ("privacy_settings"."works_council_k" between 2 and 100);