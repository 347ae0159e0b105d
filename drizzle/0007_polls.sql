CREATE TABLE `poll_answers` (
	`poll_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`answer` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`poll_id`, `participant_id`),
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `polls` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`kind` text NOT NULL,
	`question` text NOT NULL,
	`options` text NOT NULL,
	`scale_min` integer DEFAULT 1 NOT NULL,
	`scale_max` integer DEFAULT 5 NOT NULL,
	`status` text NOT NULL,
	`results_shown` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `polls_event_idx` ON `polls` (`event_id`);