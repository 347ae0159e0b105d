ALTER TABLE `events` ADD `word_filter` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `on_screen_id` text;--> statement-breakpoint
ALTER TABLE `events` ADD `on_screen_since` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `agenda_current_id` text;--> statement-breakpoint
ALTER TABLE `events` ADD `agenda_started_at` integer;--> statement-breakpoint
ALTER TABLE `submissions` ADD `held_reason` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `merged_into` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `original_text` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `decided_by` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `queue_position` integer;--> statement-breakpoint
ALTER TABLE `submissions` ADD `entered_by` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `safeguarding_handled_at` integer;