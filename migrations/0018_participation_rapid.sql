CREATE TABLE `call_panelists` (
	`call_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`call_id`, `user_id`),
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `call_panelists_user_idx` ON `call_panelists` (`user_id`);--> statement-breakpoint
CREATE TABLE `review_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text NOT NULL,
	`application_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`reviewer_org_id` text,
	`status` text DEFAULT 'assigned' NOT NULL,
	`score` integer,
	`comment` text,
	`created_at` text NOT NULL,
	`reviewed_at` text,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_assignments_pair_idx` ON `review_assignments` (`application_id`,`reviewer_id`);--> statement-breakpoint
CREATE INDEX `review_assignments_reviewer_idx` ON `review_assignments` (`reviewer_id`,`status`);--> statement-breakpoint
CREATE INDEX `review_assignments_call_idx` ON `review_assignments` (`call_id`,`status`);--> statement-breakpoint
ALTER TABLE `invitations` ADD `kind` text DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE `invitations` ADD `call_id` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `kind` text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `confidential` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `decision_within_days` integer;--> statement-breakpoint
ALTER TABLE `calls` ADD `review_mode` text DEFAULT 'funder' NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `reviews_per_application` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `review_opened_at` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `review_salt` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `tally_published_at` text;