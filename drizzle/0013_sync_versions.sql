CREATE TABLE `event_versions` (
	`event_id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`epoch` text DEFAULT (lower(hex(randomblob(8)))) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `polls` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `submissions` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `submissions_event_version_idx` ON `submissions` (`event_id`,`version`);--> statement-breakpoint
-- Every change a phone can see takes the event's next version: an item added, or changed in what
-- phones show of it (not its vote count, which every resync sends whole, nor its queue place).
CREATE TRIGGER `submissions_version_insert` AFTER INSERT ON `submissions` BEGIN
	INSERT INTO `event_versions` (`event_id`, `version`) VALUES (NEW.`event_id`, 1)
		ON CONFLICT (`event_id`) DO UPDATE SET `version` = `version` + 1;
	UPDATE `submissions` SET `version` = (SELECT `version` FROM `event_versions` WHERE `event_id` = NEW.`event_id`) WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `submissions_version_update`
	AFTER UPDATE OF `kind`, `topic_id`, `agency_id`, `delegation_id`, `text`, `author_name`, `status`, `rejection_reason`, `answer_summary` ON `submissions`
	-- Only a real change: rewriting the same values (a package imported again) moves nothing.
	WHEN OLD.`kind` IS NOT NEW.`kind` OR OLD.`topic_id` IS NOT NEW.`topic_id` OR OLD.`agency_id` IS NOT NEW.`agency_id` OR OLD.`delegation_id` IS NOT NEW.`delegation_id` OR OLD.`text` IS NOT NEW.`text` OR OLD.`author_name` IS NOT NEW.`author_name` OR OLD.`status` IS NOT NEW.`status` OR OLD.`rejection_reason` IS NOT NEW.`rejection_reason` OR OLD.`answer_summary` IS NOT NEW.`answer_summary`
BEGIN
	INSERT INTO `event_versions` (`event_id`, `version`) VALUES (NEW.`event_id`, 1)
		ON CONFLICT (`event_id`) DO UPDATE SET `version` = `version` + 1;
	UPDATE `submissions` SET `version` = (SELECT `version` FROM `event_versions` WHERE `event_id` = NEW.`event_id`) WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `polls_version_insert` AFTER INSERT ON `polls` BEGIN
	INSERT INTO `event_versions` (`event_id`, `version`) VALUES (NEW.`event_id`, 1)
		ON CONFLICT (`event_id`) DO UPDATE SET `version` = `version` + 1;
	UPDATE `polls` SET `version` = (SELECT `version` FROM `event_versions` WHERE `event_id` = NEW.`event_id`) WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `polls_version_update`
	AFTER UPDATE OF `kind`, `question`, `options`, `scale_min`, `scale_max`, `status`, `results_shown` ON `polls`
	WHEN OLD.`kind` IS NOT NEW.`kind` OR OLD.`question` IS NOT NEW.`question` OR OLD.`options` IS NOT NEW.`options` OR OLD.`scale_min` IS NOT NEW.`scale_min` OR OLD.`scale_max` IS NOT NEW.`scale_max` OR OLD.`status` IS NOT NEW.`status` OR OLD.`results_shown` IS NOT NEW.`results_shown`
BEGIN
	INSERT INTO `event_versions` (`event_id`, `version`) VALUES (NEW.`event_id`, 1)
		ON CONFLICT (`event_id`) DO UPDATE SET `version` = `version` + 1;
	UPDATE `polls` SET `version` = (SELECT `version` FROM `event_versions` WHERE `event_id` = NEW.`event_id`) WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- Each event has its row from the start, so a phone's sync only ever reads it.
INSERT INTO `event_versions` (`event_id`) SELECT `id` FROM `events`;
--> statement-breakpoint
CREATE TRIGGER `events_version_row` AFTER INSERT ON `events` BEGIN
	INSERT OR IGNORE INTO `event_versions` (`event_id`) VALUES (NEW.`id`);
END;
