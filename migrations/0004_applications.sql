CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text NOT NULL,
	`org_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`requested_amount` integer,
	`requested_currency` text,
	`version` integer DEFAULT 1 NOT NULL,
	`snapshot` text,
	`submitted_at` text,
	`decision` text,
	`decision_reasons` text,
	`decision_note` text,
	`decided_at` text,
	`decided_by` text,
	`decision_token` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_call_org_idx` ON `applications` (`call_id`,`org_id`);--> statement-breakpoint
CREATE INDEX `applications_call_status_idx` ON `applications` (`call_id`,`status`);--> statement-breakpoint
CREATE INDEX `applications_org_idx` ON `applications` (`org_id`);--> statement-breakpoint
CREATE TABLE `awards` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`call_id` text NOT NULL,
	`org_id` text NOT NULL,
	`funder_org_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`amount_usd` integer,
	`award_date` text NOT NULL,
	`funding_type` text NOT NULL,
	`duration_months` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`funder_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `awards_application_id_unique` ON `awards` (`application_id`);--> statement-breakpoint
CREATE INDEX `awards_date_idx` ON `awards` (`award_date`);--> statement-breakpoint
CREATE INDEX `awards_org_idx` ON `awards` (`org_id`);--> statement-breakpoint
CREATE INDEX `awards_funder_idx` ON `awards` (`funder_org_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`kind` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`created_at` text NOT NULL,
	`emailed_at` text,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_org_idx` ON `notifications` (`org_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`application_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_application_reviewer_idx` ON `reviews` (`application_id`,`reviewer_id`);