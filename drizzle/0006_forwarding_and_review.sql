ALTER TABLE `events` ADD `review_on_screen` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `submissions` ADD `origin_submission_id` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `origin_label` text;--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_origin_unique` ON `submissions` (`event_id`,`origin_submission_id`);