-- The staff role "follow_up" shared its name with the item status "follow_up"; the role is now
-- "follow_up_officer" (the person who reports an agency's progress). Existing grants keep working.
UPDATE `event_roles` SET `role` = 'follow_up_officer' WHERE `role` = 'follow_up';
--> statement-breakpoint
UPDATE `staff_invitations` SET `role` = 'follow_up_officer' WHERE `role` = 'follow_up';
