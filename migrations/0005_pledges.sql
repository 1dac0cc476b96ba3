CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`pledge_id` text NOT NULL,
	`recipient_org_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`amount_usd` integer,
	`at` text NOT NULL,
	`provider` text NOT NULL,
	`external_id` text NOT NULL,
	`stripe_payment_intent_id` text,
	`stripe_charge_id` text,
	`reference` text,
	`confirmed_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`pledge_id`) REFERENCES `pledges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_provider_external_idx` ON `payments` (`provider`,`external_id`);--> statement-breakpoint
CREATE INDEX `payments_pledge_idx` ON `payments` (`pledge_id`);--> statement-breakpoint
CREATE INDEX `payments_recipient_idx` ON `payments` (`recipient_org_id`,`at`);--> statement-breakpoint
CREATE INDEX `payments_intent_idx` ON `payments` (`stripe_payment_intent_id`);--> statement-breakpoint
CREATE TABLE `pledges` (
	`id` text PRIMARY KEY NOT NULL,
	`recipient_org_id` text NOT NULL,
	`funder_org_id` text,
	`pledger_user_id` text NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`amount_usd` integer,
	`interval` text NOT NULL,
	`installments` integer,
	`provider` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reference` text NOT NULL,
	`stripe_checkout_session_id` text,
	`stripe_subscription_id` text,
	`stripe_customer_id` text,
	`checkout_completed_at` text,
	`ended_at` text,
	`cancelled_at` text,
	`failed_payments` integer DEFAULT 0 NOT NULL,
	`last_failure_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`recipient_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`funder_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pledger_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pledges_reference_unique` ON `pledges` (`reference`);--> statement-breakpoint
CREATE INDEX `pledges_recipient_idx` ON `pledges` (`recipient_org_id`);--> statement-breakpoint
CREATE INDEX `pledges_pledger_idx` ON `pledges` (`pledger_user_id`);--> statement-breakpoint
CREATE INDEX `pledges_funder_idx` ON `pledges` (`funder_org_id`);--> statement-breakpoint
CREATE INDEX `pledges_subscription_idx` ON `pledges` (`stripe_subscription_id`);--> statement-breakpoint
CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`token` text NOT NULL,
	`pledge_id` text,
	`received_at` text NOT NULL
);
