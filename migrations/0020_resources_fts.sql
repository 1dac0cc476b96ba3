-- Full-text search over the library (FTS5, which D1 supports). An external-content index over
-- resources.search_text keyed by the table's rowid: the text lives once, in resources; these triggers keep
-- the index in step with every insert, update and delete. unicode61 with remove_diacritics 2 folds Latin
-- accents (é → e, ñ → n); Arabic is normalised before it is stored (worker/domain/search-text.ts).
CREATE VIRTUAL TABLE `resources_fts` USING fts5(
	search_text,
	content='resources',
	content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `resources_fts_insert` AFTER INSERT ON `resources` BEGIN
	INSERT INTO resources_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `resources_fts_delete` AFTER DELETE ON `resources` BEGIN
	INSERT INTO resources_fts(resources_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `resources_fts_update` AFTER UPDATE OF `search_text` ON `resources` BEGIN
	INSERT INTO resources_fts(resources_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
	INSERT INTO resources_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
