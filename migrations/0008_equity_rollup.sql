CREATE TABLE `org_equity` (
	`org_id` text PRIMARY KEY NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	`awards` integer DEFAULT 0 NOT NULL,
	`amount` integer DEFAULT 0 NOT NULL,
	`core` integer DEFAULT 0 NOT NULL,
	`unconverted` integer DEFAULT 0 NOT NULL,
	`applications` integer DEFAULT 0 NOT NULL,
	`awarded` integer DEFAULT 0 NOT NULL,
	`decided` integer DEFAULT 0 NOT NULL,
	`pledged` integer DEFAULT 0 NOT NULL,
	`payments` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER awards_equity_insert AFTER INSERT ON awards BEGIN
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT NEW.org_id, 1, 1, coalesce(NEW.amount_usd, 0), CASE WHEN NEW.funding_type = 'core' THEN coalesce(NEW.amount_usd, 0) ELSE 0 END, (NEW.amount_usd IS NULL), 0, 0, 0, 0, 0 WHERE 1
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
END;
--> statement-breakpoint
CREATE TRIGGER awards_equity_delete AFTER DELETE ON awards BEGIN
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT OLD.org_id, -1, -1, -coalesce(OLD.amount_usd, 0), -CASE WHEN OLD.funding_type = 'core' THEN coalesce(OLD.amount_usd, 0) ELSE 0 END, -(OLD.amount_usd IS NULL), 0, 0, 0, 0, 0 WHERE 1
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
END;
--> statement-breakpoint
CREATE TRIGGER awards_equity_update AFTER UPDATE OF org_id, amount_usd, funding_type ON awards BEGIN
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT OLD.org_id, -1, -1, -coalesce(OLD.amount_usd, 0), -CASE WHEN OLD.funding_type = 'core' THEN coalesce(OLD.amount_usd, 0) ELSE 0 END, -(OLD.amount_usd IS NULL), 0, 0, 0, 0, 0 WHERE 1
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT NEW.org_id, 1, 1, coalesce(NEW.amount_usd, 0), CASE WHEN NEW.funding_type = 'core' THEN coalesce(NEW.amount_usd, 0) ELSE 0 END, (NEW.amount_usd IS NULL), 0, 0, 0, 0, 0 WHERE 1
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
END;
--> statement-breakpoint
CREATE TRIGGER applications_equity_insert AFTER INSERT ON applications BEGIN
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT NEW.org_id, 1, 0, 0, 0, 0, 1, (NEW.status = 'awarded'), (NEW.status IN ('awarded', 'declined')), 0, 0 WHERE NEW.submitted_at IS NOT NULL AND NEW.status <> 'withdrawn'
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
END;
--> statement-breakpoint
CREATE TRIGGER applications_equity_delete AFTER DELETE ON applications BEGIN
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT OLD.org_id, -1, 0, 0, 0, 0, -1, -(OLD.status = 'awarded'), -(OLD.status IN ('awarded', 'declined')), 0, 0 WHERE OLD.submitted_at IS NOT NULL AND OLD.status <> 'withdrawn'
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
END;
--> statement-breakpoint
CREATE TRIGGER applications_equity_update AFTER UPDATE OF org_id, status, submitted_at ON applications BEGIN
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT OLD.org_id, -1, 0, 0, 0, 0, -1, -(OLD.status = 'awarded'), -(OLD.status IN ('awarded', 'declined')), 0, 0 WHERE OLD.submitted_at IS NOT NULL AND OLD.status <> 'withdrawn'
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT NEW.org_id, 1, 0, 0, 0, 0, 1, (NEW.status = 'awarded'), (NEW.status IN ('awarded', 'declined')), 0, 0 WHERE NEW.submitted_at IS NOT NULL AND NEW.status <> 'withdrawn'
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
END;
--> statement-breakpoint
CREATE TRIGGER payments_equity_insert AFTER INSERT ON payments BEGIN
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT NEW.recipient_org_id, 1, 0, 0, 0, 0, 0, 0, 0, coalesce(NEW.amount_usd, 0), (NEW.kind = 'payment') WHERE 1
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
END;
--> statement-breakpoint
CREATE TRIGGER payments_equity_delete AFTER DELETE ON payments BEGIN
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT OLD.recipient_org_id, -1, 0, 0, 0, 0, 0, 0, 0, -coalesce(OLD.amount_usd, 0), -(OLD.kind = 'payment') WHERE 1
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
END;
--> statement-breakpoint
CREATE TRIGGER payments_equity_update AFTER UPDATE OF recipient_org_id, amount_usd, kind ON payments BEGIN
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT OLD.recipient_org_id, -1, 0, 0, 0, 0, 0, 0, 0, -coalesce(OLD.amount_usd, 0), -(OLD.kind = 'payment') WHERE 1
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
  INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT NEW.recipient_org_id, 1, 0, 0, 0, 0, 0, 0, 0, coalesce(NEW.amount_usd, 0), (NEW.kind = 'payment') WHERE 1
    ON CONFLICT (org_id) DO UPDATE SET events = events + excluded.events, awards = awards + excluded.awards, amount = amount + excluded.amount, core = core + excluded.core, unconverted = unconverted + excluded.unconverted, applications = applications + excluded.applications, awarded = awarded + excluded.awarded, decided = decided + excluded.decided, pledged = pledged + excluded.pledged, payments = payments + excluded.payments;
END;
--> statement-breakpoint
INSERT INTO org_equity (org_id, events, awards, amount, core, unconverted, applications, awarded, decided, pledged, payments) SELECT org_id, sum(events), sum(awards), sum(amount), sum(core), sum(unconverted), sum(applications), sum(awarded), sum(decided), sum(pledged), sum(payments) FROM (SELECT t.org_id AS org_id, 1 AS events, 1 AS awards, coalesce(t.amount_usd, 0) AS amount, CASE WHEN t.funding_type = 'core' THEN coalesce(t.amount_usd, 0) ELSE 0 END AS core, (t.amount_usd IS NULL) AS unconverted, 0 AS applications, 0 AS awarded, 0 AS decided, 0 AS pledged, 0 AS payments FROM awards t WHERE 1 UNION ALL SELECT t.org_id AS org_id, 1 AS events, 0 AS awards, 0 AS amount, 0 AS core, 0 AS unconverted, 1 AS applications, (t.status = 'awarded') AS awarded, (t.status IN ('awarded', 'declined')) AS decided, 0 AS pledged, 0 AS payments FROM applications t WHERE t.submitted_at IS NOT NULL AND t.status <> 'withdrawn' UNION ALL SELECT t.recipient_org_id AS org_id, 1 AS events, 0 AS awards, 0 AS amount, 0 AS core, 0 AS unconverted, 0 AS applications, 0 AS awarded, 0 AS decided, coalesce(t.amount_usd, 0) AS pledged, (t.kind = 'payment') AS payments FROM payments t WHERE 1) GROUP BY org_id;
