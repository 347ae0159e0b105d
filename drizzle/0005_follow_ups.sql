CREATE TABLE `follow_up_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`follow_up_id` text NOT NULL,
	`at` integer NOT NULL,
	`by_name` text NOT NULL,
	`status` text NOT NULL,
	`agency_id` text,
	`due_at` integer NOT NULL,
	`response` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`way_forward` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follow_up_history_idx` ON `follow_up_history` (`follow_up_id`,`at`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`event_id` text NOT NULL,
	`agency_id` text,
	`status` text NOT NULL,
	`due_at` integer NOT NULL,
	`response` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`way_forward` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_submission_unique` ON `follow_ups` (`submission_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_event_idx` ON `follow_ups` (`event_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_agency_idx` ON `follow_ups` (`agency_id`);