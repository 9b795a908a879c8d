CREATE TABLE "webhook_deliveries" (
	"organization_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"event_id" bigint NOT NULL,
	"endpoint_id" bigint NOT NULL,
	"attempt" integer NOT NULL,
	"url" text NOT NULL,
	"requested_at" timestamp (3) with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"response_status" smallint,
	"response_body" text,
	"error" text,
	"success" boolean NOT NULL,
	CONSTRAINT "webhook_deliveries_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"organization_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"events" text[] NOT NULL,
	"include_content" boolean DEFAULT false NOT NULL,
	"secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_expires_at" timestamp (3) with time zone,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"disabled_at" timestamp (3) with time zone,
	"failing_since" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_endpoints_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"organization_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"endpoint_id" bigint NOT NULL,
	"type" text NOT NULL,
	"subject_id" bigint,
	"data" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"queued_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp (3) with time zone,
	CONSTRAINT "webhook_events_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "webhook_events_status_check" CHECK ("webhook_events"."status" in ('pending', 'sending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "alert_events" (
	"organization_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"rule_id" bigint NOT NULL,
	"state" text NOT NULL,
	"value" double precision,
	"message" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_events_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"organization_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"name" text NOT NULL,
	"metric" text NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"window" text NOT NULL,
	"condition" text NOT NULL,
	"threshold" double precision,
	"min_volume" integer DEFAULT 20 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"state" text DEFAULT 'ok' NOT NULL,
	"last_value" double precision,
	"last_message" text,
	"last_evaluated_at" timestamp (3) with time zone,
	"last_breach_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_rules_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "alert_rules_window_check" CHECK ("alert_rules"."window" in ('hour', 'day', 'week')),
	CONSTRAINT "alert_rules_condition_check" CHECK ("alert_rules"."condition" in ('above', 'below', 'unusual')),
	CONSTRAINT "alert_rules_state_check" CHECK ("alert_rules"."state" in ('ok', 'firing', 'resolved'))
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_organization_id_event_id_webhook_events_organization_id_id_fk" FOREIGN KEY ("organization_id","event_id") REFERENCES "public"."webhook_events"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_organization_id_endpoint_id_webhook_endpoints_organization_id_id_fk" FOREIGN KEY ("organization_id","endpoint_id") REFERENCES "public"."webhook_endpoints"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_organization_id_rule_id_alert_rules_organization_id_id_fk" FOREIGN KEY ("organization_id","rule_id") REFERENCES "public"."alert_rules"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("organization_id","endpoint_id","id");--> statement-breakpoint
CREATE INDEX "webhook_events_due_idx" ON "webhook_events" USING btree ("next_attempt_at") WHERE status in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "webhook_events_endpoint_idx" ON "webhook_events" USING btree ("organization_id","endpoint_id","id");--> statement-breakpoint
CREATE INDEX "alert_events_rule_idx" ON "alert_events" USING btree ("organization_id","rule_id","id");--> statement-breakpoint
-- Webhook events are enqueued by triggers, in the statement (so the transaction) of the write that
-- caused them: nothing is queued for a write that rolls back, nothing is lost for one that commits,
-- whatever path wrote (group commit, batch, PATCH, demo, CLI). One INSERT ... SELECT per statement,
-- joined to the organization's enabled endpoints that subscribe to the event type; an installation
-- with no enabled endpoint pays one index probe per statement. The queue holds ids only: the
-- payload is made from the chat when it is delivered (src/webhooks/payloads.ts).
CREATE FUNCTION webhook_chat_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO webhook_events (organization_id, endpoint_id, type, subject_id)
    SELECT n.organization_id, e.id, t.type, n.id
    FROM new_rows n
    JOIN webhook_endpoints e ON e.organization_id = n.organization_id AND e.enabled
    CROSS JOIN LATERAL (VALUES
      ('chat.created', true),
      ('chat.escalated', n.is_escalated IS TRUE),
      ('chat.forwarded_to_hr', n.is_forwarded_to_hr IS TRUE),
      ('chat.rated_low', n.user_rating <= 2)) AS t(type, fires)
    WHERE t.fires IS TRUE AND t.type = ANY (e.events)
    ORDER BY n.id;
  ELSE
    -- An update fires chat.updated when a field the API shows changed (not message_count, which the
    -- messages trigger keeps, nor updated_at), and the outcome events when the outcome is new.
    INSERT INTO webhook_events (organization_id, endpoint_id, type, subject_id)
    SELECT n.organization_id, e.id, t.type, n.id
    FROM new_rows n
    JOIN old_rows o ON o.organization_id = n.organization_id AND o.id = n.id
    JOIN webhook_endpoints e ON e.organization_id = n.organization_id AND e.enabled
    CROSS JOIN LATERAL (VALUES
      ('chat.updated',
        (n.user_id, n.title, n.tags, n.avg_response_time, n.country_code, n.is_escalated, n.is_forwarded_to_hr, n.language_code,
         n.question_category, n.sentiment, n.session_id, n.token_count, n.transcript_link, n.user_rating)
        IS DISTINCT FROM
        (o.user_id, o.title, o.tags, o.avg_response_time, o.country_code, o.is_escalated, o.is_forwarded_to_hr, o.language_code,
         o.question_category, o.sentiment, o.session_id, o.token_count, o.transcript_link, o.user_rating)),
      ('chat.escalated', n.is_escalated IS TRUE AND o.is_escalated IS NOT TRUE),
      ('chat.forwarded_to_hr', n.is_forwarded_to_hr IS TRUE AND o.is_forwarded_to_hr IS NOT TRUE),
      ('chat.rated_low', n.user_rating <= 2 AND (o.user_rating IS NULL OR o.user_rating > 2))) AS t(type, fires)
    WHERE t.fires IS TRUE AND t.type = ANY (e.events)
    ORDER BY n.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER webhooks_chats_insert AFTER INSERT ON chats REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION webhook_chat_events();
--> statement-breakpoint
CREATE TRIGGER webhooks_chats_update AFTER UPDATE ON chats REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION webhook_chat_events();
--> statement-breakpoint
CREATE FUNCTION webhook_export_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO webhook_events (organization_id, endpoint_id, type, subject_id)
  SELECT NEW.organization_id, e.id, 'export.completed', NEW.id
  FROM webhook_endpoints e
  WHERE e.organization_id = NEW.organization_id AND e.enabled AND 'export.completed' = ANY (e.events);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER webhooks_exports_completed AFTER UPDATE OF status ON exports
  FOR EACH ROW WHEN (NEW.status = 'completed' AND OLD.status IS DISTINCT FROM 'completed')
  EXECUTE FUNCTION webhook_export_events();
