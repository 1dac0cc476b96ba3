-- The placeholder account ("Deleted user") that applications of a deleted organisation point at once
-- the link of their author to the group is cut (applications.created_by cannot be empty). It used to be
-- inserted by the deletion itself, which failed with a 500 for good once someone had signed up with its
-- address. It exists from this migration on; deleting an organisation only points rows at it.
-- Must match GHOST_USER in worker/domain/org-erasure.ts. Its domain is reserved (RFC 2606 `.invalid`)
-- and refused at sign-up. Its password hash is "!", which is no "pbkdf2-sha256$…" hash, so
-- verifyPassword never accepts any password for it.
--
-- An account that already took the address (only a squatter can: no mailbox exists under `.invalid`)
-- keeps its data and sessions but moves to an address derived from its own id, freeing this one.
UPDATE `users` SET `email` = 'squatter-' || `id` || '@sanad.invalid', `updated_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE `email` = 'deleted-user@sanad.invalid' AND `id` <> 'deleted-user';
--> statement-breakpoint
-- Created here, or (where an earlier deletion already inserted it) reset to exactly this.
INSERT INTO `users` (`id`, `email`, `name`, `locale`, `time_zone`, `platform_role`, `password_hash`, `created_at`, `updated_at`)
  VALUES ('deleted-user', 'deleted-user@sanad.invalid', 'Deleted user', 'en', NULL, 'user', '!', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ON CONFLICT (`id`) DO UPDATE SET `email` = excluded.`email`, `name` = excluded.`name`, `time_zone` = NULL, `platform_role` = 'user', `password_hash` = '!';
--> statement-breakpoint
-- Nobody acts as the placeholder: no session, no API token, no membership (none can have been made
-- through the app; this only makes sure).
DELETE FROM `sessions` WHERE `user_id` = 'deleted-user';
--> statement-breakpoint
DELETE FROM `api_tokens` WHERE `user_id` = 'deleted-user';
--> statement-breakpoint
DELETE FROM `memberships` WHERE `user_id` = 'deleted-user';
