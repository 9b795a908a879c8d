CREATE TABLE "audit_entries" (
	"organization_id" bigint NOT NULL,
	"seq" bigint NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" bigint,
	"actor_label" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"ip" text,
	"details" jsonb,
	"details_digest" text NOT NULL,
	"pseudonymized_at" timestamp (3) with time zone,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_entries_organization_id_seq_pk" PRIMARY KEY("organization_id","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"organization_id" bigint PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"hash" text NOT NULL,
	"pruned_seq" bigint DEFAULT 0 NOT NULL,
	"pruned_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erasure_requests" (
	"organization_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"subject_type" text NOT NULL,
	"subject_digest" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" text NOT NULL,
	"requested_by" bigint,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"receipt" jsonb NOT NULL,
	"signature" text NOT NULL,
	CONSTRAINT "erasure_requests_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "privacy_settings" (
	"organization_id" bigint PRIMARY KEY NOT NULL,
	"ip_mode" text DEFAULT 'full' NOT NULL,
	"content_retention_days" integer,
	"metadata_retention_days" integer,
	"chat_retention_days" integer,
	"audit_retention_days" integer,
	"legal_hold" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_settings_ip_mode_check" CHECK ("privacy_settings"."ip_mode" in ('full', 'truncated', 'none')),
	CONSTRAINT "privacy_settings_days_check" CHECK (coalesce("privacy_settings"."content_retention_days", 1) >= 1 and coalesce("privacy_settings"."metadata_retention_days", 1) >= 1 and coalesce("privacy_settings"."chat_retention_days", 1) >= 1 and coalesce("privacy_settings"."audit_retention_days", 1) >= 1)
);
--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "content_purged_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "chats" ADD COLUMN "metadata_purged_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_heads" ADD CONSTRAINT "audit_heads_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD CONSTRAINT "privacy_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_org_created_idx" ON "audit_entries" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_entries_org_action_idx" ON "audit_entries" USING btree ("organization_id","action","seq");--> statement-breakpoint
CREATE INDEX "audit_entries_org_target_idx" ON "audit_entries" USING btree ("organization_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "erasure_requests_subject_idx" ON "erasure_requests" USING btree ("organization_id","subject_digest");--> statement-breakpoint
-- The IP an organization keeps, applied where chats are written (ingest, PATCH): 'full' as sent,
-- 'truncated' to its /24 (IPv4) or /48 (IPv6) network, 'none' not at all. Read from the settings
-- in the writing statement itself, so a change of setting applies to the next statement at once.
CREATE FUNCTION privacy_truncate_ip(ip text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT host(network(set_masklen(ip::inet, CASE family(ip::inet) WHEN 4 THEN 24 ELSE 48 END)))
$$;--> statement-breakpoint
CREATE FUNCTION privacy_ip(org bigint, ip text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN ip IS NULL THEN NULL
    ELSE CASE coalesce((SELECT s.ip_mode FROM privacy_settings s WHERE s.organization_id = org), 'full')
      WHEN 'full' THEN ip WHEN 'none' THEN NULL ELSE privacy_truncate_ip(ip) END
  END
$$;--> statement-breakpoint
-- The audit log is append-only: rows change only in a transaction that says it is the erasure
-- (pseudonymization) or the retention job (SET LOCAL chatlogger.audit_maintenance = 'on').
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- (A deleted organization takes its log with it: the cascade runs after the organization is gone.)
  IF coalesce(current_setting('chatlogger.audit_maintenance', true), '') <> 'on'
     AND NOT (TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = OLD.organization_id)) THEN
    RAISE EXCEPTION 'audit_entries is append-only';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;--> statement-breakpoint
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
