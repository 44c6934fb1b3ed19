CREATE TABLE `hotspot_snapshots` (
	`days` integer NOT NULL,
	`through_day` text NOT NULL,
	`cells` text NOT NULL,
	`computed_at` text NOT NULL,
	PRIMARY KEY(`days`, `through_day`)
);
