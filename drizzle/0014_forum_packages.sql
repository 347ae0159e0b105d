CREATE TABLE `installation` (
	`key` text PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `events` ADD `imported_from` text;--> statement-breakpoint
ALTER TABLE `events` ADD `imported_source_id` text;--> statement-breakpoint
ALTER TABLE `events` ADD `imported_exported_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `imported_checksum` text;--> statement-breakpoint
CREATE UNIQUE INDEX `events_imported_unique` ON `events` (`imported_from`,`imported_source_id`);