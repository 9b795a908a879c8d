CREATE TABLE "transcript_access_requests" (
	"organization_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"chat_id" bigint NOT NULL,
	"requested_by" bigint NOT NULL,
	"reason" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transcript_access_requests_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "transcript_access_status_check" CHECK ("transcript_access_requests"."status" in ('pending', 'approved', 'denied')),
	CONSTRAINT "transcript_access_duration_check" CHECK ("transcript_access_requests"."duration_minutes" between 1 and 1440),
	CONSTRAINT "transcript_access_not_self_check" CHECK ("transcript_access_requests"."decided_by" is null or "transcript_access_requests"."decided_by" <> "transcript_access_requests"."requested_by")
);
--> statement-breakpoint
ALTER TABLE "transcript_access_requests" ADD CONSTRAINT "transcript_access_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript_access_requests" ADD CONSTRAINT "transcript_access_requests_organization_id_chat_id_chats_organization_id_id_fk" FOREIGN KEY ("organization_id","chat_id") REFERENCES "public"."chats"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transcript_access_grant_idx" ON "transcript_access_requests" USING btree ("organization_id","requested_by","chat_id");--> statement-breakpoint
CREATE INDEX "transcript_access_org_created_idx" ON "transcript_access_requests" USING btree ("organization_id","created_at");