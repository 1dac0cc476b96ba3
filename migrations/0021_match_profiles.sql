CREATE TABLE `org_match` (
	`org_id` text PRIMARY KEY NOT NULL,
	`country` text NOT NULL,
	`global_south` integer,
	`income_group` text,
	`civic_space` text,
	`legal_status` text,
	`setting` text,
	`led_by` integer NOT NULL,
	`themes` integer NOT NULL,
	`languages` text NOT NULL,
	`budget_amount` integer,
	`budget_currency` text,
	`funding_received_usd` integer NOT NULL,
	`trust_level` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `org_match_country_idx` ON `org_match` (`country`);--> statement-breakpoint
-- Triggers keep org_match equal to what schema/matching.ts describes: one row per CSO that is neither
-- hidden nor deleted, refreshed whole on any change to the organisation (its row is small), and the
-- country facts refreshed when reference data changes.
CREATE TRIGGER org_match_insert AFTER INSERT ON orgs
  WHEN NEW.kind = 'cso' AND NEW.visibility <> 'hidden' AND NEW.deleted_at IS NULL BEGIN
  INSERT INTO org_match (org_id, country, global_south, income_group, civic_space, legal_status, setting, led_by, themes, languages, budget_amount, budget_currency, funding_received_usd, trust_level)
    SELECT o.id, o.country, c.global_south, c.wb_income_group, c.civicus_rating, o.legal_status, o.setting, o.led_by, o.themes,
      ',' || coalesce((SELECT group_concat(lower(CASE WHEN instr(l.value, '-') > 0 THEN substr(l.value, 1, instr(l.value, '-') - 1) ELSE l.value END), ',') FROM json_each(o.languages) l), '') || ',',
      o.annual_budget_amount, o.annual_budget_currency, o.funding_received_usd, o.trust_level
    FROM orgs o LEFT JOIN countries c ON c.code = o.country WHERE o.id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER org_match_update AFTER UPDATE ON orgs BEGIN
  DELETE FROM org_match WHERE org_id = OLD.id;
  INSERT INTO org_match (org_id, country, global_south, income_group, civic_space, legal_status, setting, led_by, themes, languages, budget_amount, budget_currency, funding_received_usd, trust_level)
    SELECT o.id, o.country, c.global_south, c.wb_income_group, c.civicus_rating, o.legal_status, o.setting, o.led_by, o.themes,
      ',' || coalesce((SELECT group_concat(lower(CASE WHEN instr(l.value, '-') > 0 THEN substr(l.value, 1, instr(l.value, '-') - 1) ELSE l.value END), ',') FROM json_each(o.languages) l), '') || ',',
      o.annual_budget_amount, o.annual_budget_currency, o.funding_received_usd, o.trust_level
    FROM orgs o LEFT JOIN countries c ON c.code = o.country
    WHERE o.id = NEW.id AND o.kind = 'cso' AND o.visibility <> 'hidden' AND o.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER org_match_delete AFTER DELETE ON orgs BEGIN
  DELETE FROM org_match WHERE org_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER org_match_country AFTER UPDATE OF global_south, wb_income_group, civicus_rating ON countries BEGIN
  UPDATE org_match SET global_south = NEW.global_south, income_group = NEW.wb_income_group, civic_space = NEW.civicus_rating
    WHERE country = NEW.code;
END;
--> statement-breakpoint
INSERT INTO org_match (org_id, country, global_south, income_group, civic_space, legal_status, setting, led_by, themes, languages, budget_amount, budget_currency, funding_received_usd, trust_level)
  SELECT o.id, o.country, c.global_south, c.wb_income_group, c.civicus_rating, o.legal_status, o.setting, o.led_by, o.themes,
    ',' || coalesce((SELECT group_concat(lower(CASE WHEN instr(l.value, '-') > 0 THEN substr(l.value, 1, instr(l.value, '-') - 1) ELSE l.value END), ',') FROM json_each(o.languages) l), '') || ',',
    o.annual_budget_amount, o.annual_budget_currency, o.funding_received_usd, o.trust_level
  FROM orgs o LEFT JOIN countries c ON c.code = o.country
  WHERE o.kind = 'cso' AND o.visibility <> 'hidden' AND o.deleted_at IS NULL;
