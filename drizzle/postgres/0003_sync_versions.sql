CREATE TABLE "event_versions" (
	"event_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"epoch" text DEFAULT md5(random()::text) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "polls" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_versions" ADD CONSTRAINT "event_versions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_event_version_idx" ON "submissions" USING btree ("event_id","version");--> statement-breakpoint
-- As in SQLite's migration: every change a phone can see takes the event's next version. The
-- upsert locks the event's row until the change commits, so versions follow the commit order.
CREATE FUNCTION "stamp_event_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "event_versions" ("event_id", "version") VALUES (NEW."event_id", 1)
		ON CONFLICT ("event_id") DO UPDATE SET "version" = "event_versions"."version" + 1
		RETURNING "version" INTO NEW."version";
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "submissions_version_insert" BEFORE INSERT ON "submissions"
	FOR EACH ROW EXECUTE FUNCTION "stamp_event_version"();
--> statement-breakpoint
-- Only a real change: rewriting the same values (a package imported again) moves nothing.
CREATE TRIGGER "submissions_version_update" BEFORE UPDATE OF "kind", "topic_id", "agency_id", "delegation_id", "text", "author_name", "status", "rejection_reason", "answer_summary" ON "submissions"
	FOR EACH ROW WHEN (OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."topic_id" IS DISTINCT FROM NEW."topic_id" OR OLD."agency_id" IS DISTINCT FROM NEW."agency_id" OR OLD."delegation_id" IS DISTINCT FROM NEW."delegation_id" OR OLD."text" IS DISTINCT FROM NEW."text" OR OLD."author_name" IS DISTINCT FROM NEW."author_name" OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."rejection_reason" IS DISTINCT FROM NEW."rejection_reason" OR OLD."answer_summary" IS DISTINCT FROM NEW."answer_summary") EXECUTE FUNCTION "stamp_event_version"();
--> statement-breakpoint
CREATE TRIGGER "polls_version_insert" BEFORE INSERT ON "polls"
	FOR EACH ROW EXECUTE FUNCTION "stamp_event_version"();
--> statement-breakpoint
CREATE TRIGGER "polls_version_update" BEFORE UPDATE OF "kind", "question", "options", "scale_min", "scale_max", "status", "results_shown" ON "polls"
	FOR EACH ROW WHEN (OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."question" IS DISTINCT FROM NEW."question" OR OLD."options" IS DISTINCT FROM NEW."options" OR OLD."scale_min" IS DISTINCT FROM NEW."scale_min" OR OLD."scale_max" IS DISTINCT FROM NEW."scale_max" OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."results_shown" IS DISTINCT FROM NEW."results_shown") EXECUTE FUNCTION "stamp_event_version"();
--> statement-breakpoint
INSERT INTO "event_versions" ("event_id") SELECT "id" FROM "events";
--> statement-breakpoint
CREATE FUNCTION "start_event_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "event_versions" ("event_id") VALUES (NEW."id") ON CONFLICT DO NOTHING;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "events_version_row" AFTER INSERT ON "events" FOR EACH ROW EXECUTE FUNCTION "start_event_version"();
