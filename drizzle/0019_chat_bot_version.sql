ALTER TABLE "chats" ADD COLUMN "bot_version" text;--> statement-breakpoint
ALTER TABLE "chat_rollup_pending" ADD COLUMN "bot_version" text;