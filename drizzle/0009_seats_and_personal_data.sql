CREATE TABLE `seats` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`delegation_id` text,
	`code_hash` text NOT NULL,
	`used_by` text,
	`used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`used_by`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seats_code_hash_unique` ON `seats` (`code_hash`);--> statement-breakpoint
CREATE INDEX `seats_event_idx` ON `seats` (`event_id`);--> statement-breakpoint
ALTER TABLE `events` ADD `seat_codes` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `ask_age_band` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `ask_gender` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `personal_data_consent_by` text;--> statement-breakpoint
ALTER TABLE `events` ADD `personal_data_consent_at` integer;--> statement-breakpoint
ALTER TABLE `participants` ADD `age_band` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `gender` text;