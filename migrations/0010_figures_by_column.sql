CREATE TABLE `complaint_figure_days` (
	`dim` text NOT NULL,
	`day` text NOT NULL,
	`key` text NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`responded_on_time` integer DEFAULT 0 NOT NULL,
	`filed` integer DEFAULT 0 NOT NULL,
	`due` integer DEFAULT 0 NOT NULL,
	`closed` integer DEFAULT 0 NOT NULL,
	`closed_on_time` integer DEFAULT 0 NOT NULL,
	`handled` integer DEFAULT 0 NOT NULL,
	`reworked` integer DEFAULT 0 NOT NULL,
	`rated` integer DEFAULT 0 NOT NULL,
	`satisfied` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`dim`, `day`, `key`)
);
--> statement-breakpoint
CREATE INDEX `complaint_figure_days_window_idx` ON `complaint_figure_days` (`dim`,`day`,`key`,`received`,`responded_on_time`,`filed`,`due`,`closed`,`closed_on_time`,`handled`,`reworked`,`rated`,`satisfied`);--> statement-breakpoint
-- The old triggers write to the table dropped next: they go first (migrations/0011 adds the new ones).
DROP TRIGGER `complaints_figures_insert`;--> statement-breakpoint
DROP TRIGGER `complaints_figures_update`;--> statement-breakpoint
DROP TABLE `complaint_figures`;