CREATE TABLE "api_keys" (
	"organization_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"label" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" "bytea" NOT NULL,
	"created_by" bigint,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_keys_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "chats" (
	"organization_id" bigint NOT NULL,
	"id" bigserial NOT NULL,
	"user_id" bigint,
	"title" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"avg_response_time" double precision,
	"country_code" text,
	"ip_address" text,
	"is_escalated" boolean,
	"is_forwarded_to_hr" boolean,
	"language_code" text,
	"question_category" text,
	"sentiment" text,
	"session_id" text,
	"token_count" bigint,
	"transcript_link" text,
	"user_rating" smallint,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chats_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "chats_user_rating_check" CHECK ("chats"."user_rating" between 1 and 5),
	CONSTRAINT "chats_token_count_check" CHECK ("chats"."token_count" >= 0),
	CONSTRAINT "chats_avg_response_time_check" CHECK ("chats"."avg_response_time" >= 0)
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" bigint NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"role" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp (3) with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_org_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('superadmin', 'admin', 'user', 'viewer'))
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organization_id_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chats_org_created_idx" ON "chats" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "chats_tags_idx" ON "chats" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("organization_id","user_id");