CREATE TABLE `application_partners` (
	`application_id` text NOT NULL,
	`org_id` text NOT NULL,
	`role` text NOT NULL,
	`share_percent` integer NOT NULL,
	`consented_at` text,
	`consented_by` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`application_id`, `org_id`),
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consented_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_partners_org_idx` ON `application_partners` (`org_id`);--> statement-breakpoint
CREATE TABLE `digest_subscriptions` (
	`user_id` text NOT NULL,
	`org_id` text NOT NULL,
	`last_sent_at` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `org_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `partner_posts` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text NOT NULL,
	`org_id` text NOT NULL,
	`created_by` text NOT NULL,
	`message` text NOT NULL,
	`created_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_posts_call_idx` ON `partner_posts` (`call_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `resources` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`created_by` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`language` text NOT NULL,
	`themes` integer DEFAULT 0 NOT NULL,
	`licence` text NOT NULL,
	`url` text,
	`upload_id` text,
	`search_text` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`moderated_by` text,
	`moderated_at` text,
	`published_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moderated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `resources_status_idx` ON `resources` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `resources_org_idx` ON `resources` (`org_id`);--> statement-breakpoint
ALTER TABLE `calls` ADD `offer_what` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `offer_quantity` integer;