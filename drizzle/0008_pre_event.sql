CREATE TABLE `chaperone_links` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`delegation_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`delegation_id`) REFERENCES `delegations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `chaperone_links_event_idx` ON `chaperone_links` (`event_id`);--> statement-breakpoint
ALTER TABLE `events` ADD `pre_deadline` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `pre_limit` integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `pre_open_to_agencies` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `submissions` ADD `chaperone_link_id` text;