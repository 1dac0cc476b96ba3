CREATE TABLE `award_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`award_id` text NOT NULL,
	`org_id` text NOT NULL,
	`language` text NOT NULL,
	`changed` text DEFAULT '' NOT NULL,
	`hard` text DEFAULT '' NOT NULL,
	`next` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`submitted_at` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`award_id`) REFERENCES `awards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `award_reports_award_idx` ON `award_reports` (`award_id`);--> statement-breakpoint
CREATE INDEX `award_reports_org_idx` ON `award_reports` (`org_id`);--> statement-breakpoint
CREATE TABLE `disbursements` (
	`id` text PRIMARY KEY NOT NULL,
	`award_id` text,
	`pledge_id` text,
	`tranche_id` text,
	`org_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`amount_usd` integer,
	`sent_on` text NOT NULL,
	`rail` text NOT NULL,
	`via` text,
	`reference` text NOT NULL,
	`receipt_upload_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`award_id`) REFERENCES `awards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pledge_id`) REFERENCES `pledges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tranche_id`) REFERENCES `tranches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disbursements_award_idx` ON `disbursements` (`award_id`);--> statement-breakpoint
CREATE INDEX `disbursements_pledge_idx` ON `disbursements` (`pledge_id`);--> statement-breakpoint
CREATE INDEX `disbursements_org_idx` ON `disbursements` (`org_id`,`sent_on`);--> statement-breakpoint
CREATE TABLE `funder_ratings` (
	`rater_key` text PRIMARY KEY NOT NULL,
	`funder_org_id` text NOT NULL,
	`ease_of_applying` integer NOT NULL,
	`respect` integer NOT NULL,
	`speed` integer NOT NULL,
	`comment` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`funder_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `funder_ratings_funder_idx` ON `funder_ratings` (`funder_org_id`);--> statement-breakpoint
CREATE TABLE `org_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `org_feedback_org_idx` ON `org_feedback` (`org_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `receipts` (
	`disbursement_id` text PRIMARY KEY NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`amount_usd` integer,
	`received_on` text NOT NULL,
	`note` text,
	`confirmed_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`disbursement_id`) REFERENCES `disbursements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_shares` (
	`report_id` text NOT NULL,
	`award_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`report_id`, `award_id`),
	FOREIGN KEY (`report_id`) REFERENCES `award_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`award_id`) REFERENCES `awards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_uploads` (
	`report_id` text NOT NULL,
	`upload_id` text NOT NULL,
	PRIMARY KEY(`report_id`, `upload_id`),
	FOREIGN KEY (`report_id`) REFERENCES `award_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tranches` (
	`id` text PRIMARY KEY NOT NULL,
	`award_id` text NOT NULL,
	`seq` integer NOT NULL,
	`due_on` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`after_report` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`award_id`) REFERENCES `awards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tranches_award_seq_idx` ON `tranches` (`award_id`,`seq`);--> statement-breakpoint
CREATE INDEX `tranches_due_idx` ON `tranches` (`due_on`);--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`uploader_id` text NOT NULL,
	`kind` text NOT NULL,
	`bytes` integer NOT NULL,
	`r2_key` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uploads_r2_key_unique` ON `uploads` (`r2_key`);--> statement-breakpoint
CREATE INDEX `uploads_uploader_idx` ON `uploads` (`uploader_id`);