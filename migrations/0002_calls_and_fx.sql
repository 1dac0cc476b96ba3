CREATE TABLE `call_invitations` (
	`call_id` text NOT NULL,
	`org_id` text NOT NULL,
	`invited_by` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`call_id`, `org_id`),
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `call_invitations_org_idx` ON `call_invitations` (`org_id`);--> statement-breakpoint
CREATE TABLE `calls` (
	`id` text PRIMARY KEY NOT NULL,
	`funder_org_id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`languages` text NOT NULL,
	`themes` integer DEFAULT 0 NOT NULL,
	`elig_countries` text,
	`elig_global_south_only` integer DEFAULT false NOT NULL,
	`elig_legal_statuses` integer DEFAULT 0 NOT NULL,
	`elig_max_budget_amount` integer,
	`elig_max_budget_currency` text,
	`elig_required_led_by` integer DEFAULT 0 NOT NULL,
	`prio_led_by` integer DEFAULT 0 NOT NULL,
	`prio_settings` integer DEFAULT 0 NOT NULL,
	`prio_themes` integer DEFAULT 0 NOT NULL,
	`grant_min_amount` integer NOT NULL,
	`grant_max_amount` integer NOT NULL,
	`grant_currency` text NOT NULL,
	`funding_type` text NOT NULL,
	`duration_months` integer NOT NULL,
	`deadline` text NOT NULL,
	`questions` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` text,
	`closed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`funder_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calls_status_deadline_idx` ON `calls` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `calls_funder_idx` ON `calls` (`funder_org_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `fx_rates` (
	`currency` text NOT NULL,
	`as_of` text NOT NULL,
	`usd_per_unit` real NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`currency`, `as_of`)
);
--> statement-breakpoint
ALTER TABLE `users` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `orgs` ADD `funding_received_usd` integer DEFAULT 0 NOT NULL;