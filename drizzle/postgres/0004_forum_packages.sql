CREATE TABLE "installation" (
	"key" text PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"created_at" bigint DEFAULT (extract(epoch from clock_timestamp()) * 1000)::bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "imported_from" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "imported_source_id" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "imported_exported_at" bigint;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "imported_checksum" text;--> statement-breakpoint
CREATE UNIQUE INDEX "events_imported_unique" ON "events" USING btree ("imported_from","imported_source_id");