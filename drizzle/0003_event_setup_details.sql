CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`planned_minutes` integer NOT NULL,
	`presenter` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_items_event_idx` ON `agenda_items` (`event_id`,`position`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`event_id` text,
	`user_id` text,
	`action` text NOT NULL,
	`outcome` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_event_idx` ON `audit_log` (`event_id`,`at`);--> statement-breakpoint
ALTER TABLE `events` ADD `follow_up_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `predecessor_id` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `rejection_reason` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `answer_summary` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `answered_by` text;--> statement-breakpoint
ALTER TABLE `topics` ADD `agency_id` text REFERENCES agencies(id);