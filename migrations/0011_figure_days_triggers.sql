-- The published figures (src/shared/complaint-figures.ts) kept as daily counts by the database itself:
-- whatever writes a case (the API, the seed, an import), its contributions follow. A case contributes
-- one count per metric it meets (the CASE … WHERE), on the China-time day that metric is dated by
-- (the CASE … AS day), once by its unit and once by its category; the contributions are then summed
-- into one row per dimension, day and key, a column per metric. An update takes the old row's
-- contributions away and adds the new row's, so unchanged ones cancel out and only changes are
-- written. json_each spells the metric and dimension lists: D1 allows at most five terms in a
-- compound SELECT.
CREATE TRIGGER `complaint_figure_days_insert` AFTER INSERT ON `complaints`
BEGIN
  INSERT INTO `complaint_figure_days` (`dim`, `day`, `key`, `received`, `responded_on_time`, `filed`, `due`, `closed`, `closed_on_time`, `handled`, `reworked`, `rated`, `satisfied`)
    SELECT dim, day, key,
      sum(CASE metric WHEN 'received' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'responded_on_time' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'filed' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'due' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'closed' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'closed_on_time' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'handled' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'reworked' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'rated' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'satisfied' THEN d ELSE 0 END)
    FROM (
        SELECT dm.value AS dim,
          CASE m.value WHEN 'due' THEN date(NEW.due_at, '+8 hours') WHEN 'closed' THEN date(NEW.due_at, '+8 hours') WHEN 'closed_on_time' THEN date(NEW.due_at, '+8 hours') WHEN 'handled' THEN date(NEW.handled_at, '+8 hours') WHEN 'reworked' THEN date(NEW.handled_at, '+8 hours') WHEN 'rated' THEN date(NEW.rated_at, '+8 hours') WHEN 'satisfied' THEN date(NEW.rated_at, '+8 hours') ELSE date(NEW.received_at, '+8 hours') END AS day,
          CASE dm.value WHEN 'unit' THEN coalesce(NEW.unit_id, '') ELSE NEW.category_id END AS key,
          m.value AS metric, 1 AS d
          FROM json_each('["unit", "category"]') AS dm, json_each('["received", "responded_on_time", "filed", "due", "closed", "closed_on_time", "handled", "reworked", "rated", "satisfied"]') AS m
          WHERE CASE m.value
            WHEN 'received' THEN 1
            WHEN 'responded_on_time' THEN NEW.responded_at IS NOT NULL AND NEW.responded_at <= NEW.accept_due_at
            WHEN 'filed' THEN NEW.accepted_at IS NOT NULL
            WHEN 'due' THEN NEW.due_at IS NOT NULL
            WHEN 'closed' THEN NEW.due_at IS NOT NULL AND NEW.state IN ('closed_fixed', 'closed_not_fixed')
            WHEN 'closed_on_time' THEN NEW.due_at IS NOT NULL AND NEW.state IN ('closed_fixed', 'closed_not_fixed') AND NEW.closed_at <= NEW.due_at
            WHEN 'handled' THEN NEW.handled_at IS NOT NULL
            WHEN 'reworked' THEN NEW.handled_at IS NOT NULL AND NEW.rework_count > 0
            WHEN 'rated' THEN NEW.rated_at IS NOT NULL AND NEW.rating IS NOT NULL
            WHEN 'satisfied' THEN NEW.rated_at IS NOT NULL AND NEW.rating IN ('satisfied', 'basically_satisfied')
          END
    ) WHERE true GROUP BY dim, day, key
    ON CONFLICT (`dim`, `day`, `key`) DO UPDATE SET `received` = `received` + excluded.`received`, `responded_on_time` = `responded_on_time` + excluded.`responded_on_time`, `filed` = `filed` + excluded.`filed`, `due` = `due` + excluded.`due`, `closed` = `closed` + excluded.`closed`, `closed_on_time` = `closed_on_time` + excluded.`closed_on_time`, `handled` = `handled` + excluded.`handled`, `reworked` = `reworked` + excluded.`reworked`, `rated` = `rated` + excluded.`rated`, `satisfied` = `satisfied` + excluded.`satisfied`;
END;
--> statement-breakpoint
CREATE TRIGGER `complaint_figure_days_update` AFTER UPDATE OF state, unit_id, category_id, received_at, responded_at, accepted_at, accept_due_at, due_at, closed_at, handled_at, rework_count, rating, rated_at ON `complaints`
BEGIN
  INSERT INTO `complaint_figure_days` (`dim`, `day`, `key`, `received`, `responded_on_time`, `filed`, `due`, `closed`, `closed_on_time`, `handled`, `reworked`, `rated`, `satisfied`)
    SELECT dim, day, key,
      sum(CASE metric WHEN 'received' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'responded_on_time' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'filed' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'due' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'closed' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'closed_on_time' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'handled' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'reworked' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'rated' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'satisfied' THEN d ELSE 0 END)
    FROM (
        SELECT dm.value AS dim,
          CASE m.value WHEN 'due' THEN date(OLD.due_at, '+8 hours') WHEN 'closed' THEN date(OLD.due_at, '+8 hours') WHEN 'closed_on_time' THEN date(OLD.due_at, '+8 hours') WHEN 'handled' THEN date(OLD.handled_at, '+8 hours') WHEN 'reworked' THEN date(OLD.handled_at, '+8 hours') WHEN 'rated' THEN date(OLD.rated_at, '+8 hours') WHEN 'satisfied' THEN date(OLD.rated_at, '+8 hours') ELSE date(OLD.received_at, '+8 hours') END AS day,
          CASE dm.value WHEN 'unit' THEN coalesce(OLD.unit_id, '') ELSE OLD.category_id END AS key,
          m.value AS metric, -1 AS d
          FROM json_each('["unit", "category"]') AS dm, json_each('["received", "responded_on_time", "filed", "due", "closed", "closed_on_time", "handled", "reworked", "rated", "satisfied"]') AS m
          WHERE CASE m.value
            WHEN 'received' THEN 1
            WHEN 'responded_on_time' THEN OLD.responded_at IS NOT NULL AND OLD.responded_at <= OLD.accept_due_at
            WHEN 'filed' THEN OLD.accepted_at IS NOT NULL
            WHEN 'due' THEN OLD.due_at IS NOT NULL
            WHEN 'closed' THEN OLD.due_at IS NOT NULL AND OLD.state IN ('closed_fixed', 'closed_not_fixed')
            WHEN 'closed_on_time' THEN OLD.due_at IS NOT NULL AND OLD.state IN ('closed_fixed', 'closed_not_fixed') AND OLD.closed_at <= OLD.due_at
            WHEN 'handled' THEN OLD.handled_at IS NOT NULL
            WHEN 'reworked' THEN OLD.handled_at IS NOT NULL AND OLD.rework_count > 0
            WHEN 'rated' THEN OLD.rated_at IS NOT NULL AND OLD.rating IS NOT NULL
            WHEN 'satisfied' THEN OLD.rated_at IS NOT NULL AND OLD.rating IN ('satisfied', 'basically_satisfied')
          END
        UNION ALL SELECT dm.value AS dim,
          CASE m.value WHEN 'due' THEN date(NEW.due_at, '+8 hours') WHEN 'closed' THEN date(NEW.due_at, '+8 hours') WHEN 'closed_on_time' THEN date(NEW.due_at, '+8 hours') WHEN 'handled' THEN date(NEW.handled_at, '+8 hours') WHEN 'reworked' THEN date(NEW.handled_at, '+8 hours') WHEN 'rated' THEN date(NEW.rated_at, '+8 hours') WHEN 'satisfied' THEN date(NEW.rated_at, '+8 hours') ELSE date(NEW.received_at, '+8 hours') END AS day,
          CASE dm.value WHEN 'unit' THEN coalesce(NEW.unit_id, '') ELSE NEW.category_id END AS key,
          m.value AS metric, 1 AS d
          FROM json_each('["unit", "category"]') AS dm, json_each('["received", "responded_on_time", "filed", "due", "closed", "closed_on_time", "handled", "reworked", "rated", "satisfied"]') AS m
          WHERE CASE m.value
            WHEN 'received' THEN 1
            WHEN 'responded_on_time' THEN NEW.responded_at IS NOT NULL AND NEW.responded_at <= NEW.accept_due_at
            WHEN 'filed' THEN NEW.accepted_at IS NOT NULL
            WHEN 'due' THEN NEW.due_at IS NOT NULL
            WHEN 'closed' THEN NEW.due_at IS NOT NULL AND NEW.state IN ('closed_fixed', 'closed_not_fixed')
            WHEN 'closed_on_time' THEN NEW.due_at IS NOT NULL AND NEW.state IN ('closed_fixed', 'closed_not_fixed') AND NEW.closed_at <= NEW.due_at
            WHEN 'handled' THEN NEW.handled_at IS NOT NULL
            WHEN 'reworked' THEN NEW.handled_at IS NOT NULL AND NEW.rework_count > 0
            WHEN 'rated' THEN NEW.rated_at IS NOT NULL AND NEW.rating IS NOT NULL
            WHEN 'satisfied' THEN NEW.rated_at IS NOT NULL AND NEW.rating IN ('satisfied', 'basically_satisfied')
          END
    ) WHERE true GROUP BY dim, day, key
      HAVING sum(CASE metric WHEN 'received' THEN d ELSE 0 END) <> 0 OR sum(CASE metric WHEN 'responded_on_time' THEN d ELSE 0 END) <> 0 OR sum(CASE metric WHEN 'filed' THEN d ELSE 0 END) <> 0 OR sum(CASE metric WHEN 'due' THEN d ELSE 0 END) <> 0 OR sum(CASE metric WHEN 'closed' THEN d ELSE 0 END) <> 0 OR sum(CASE metric WHEN 'closed_on_time' THEN d ELSE 0 END) <> 0 OR sum(CASE metric WHEN 'handled' THEN d ELSE 0 END) <> 0 OR sum(CASE metric WHEN 'reworked' THEN d ELSE 0 END) <> 0 OR sum(CASE metric WHEN 'rated' THEN d ELSE 0 END) <> 0 OR sum(CASE metric WHEN 'satisfied' THEN d ELSE 0 END) <> 0
    ON CONFLICT (`dim`, `day`, `key`) DO UPDATE SET `received` = `received` + excluded.`received`, `responded_on_time` = `responded_on_time` + excluded.`responded_on_time`, `filed` = `filed` + excluded.`filed`, `due` = `due` + excluded.`due`, `closed` = `closed` + excluded.`closed`, `closed_on_time` = `closed_on_time` + excluded.`closed_on_time`, `handled` = `handled` + excluded.`handled`, `reworked` = `reworked` + excluded.`reworked`, `rated` = `rated` + excluded.`rated`, `satisfied` = `satisfied` + excluded.`satisfied`;
END;
--> statement-breakpoint
-- Cases filed before this migration.
INSERT INTO `complaint_figure_days` (`dim`, `day`, `key`, `received`, `responded_on_time`, `filed`, `due`, `closed`, `closed_on_time`, `handled`, `reworked`, `rated`, `satisfied`)
    SELECT dim, day, key,
      sum(CASE metric WHEN 'received' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'responded_on_time' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'filed' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'due' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'closed' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'closed_on_time' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'handled' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'reworked' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'rated' THEN d ELSE 0 END),
      sum(CASE metric WHEN 'satisfied' THEN d ELSE 0 END)
    FROM (
        SELECT dm.value AS dim,
          CASE m.value WHEN 'due' THEN date(X.due_at, '+8 hours') WHEN 'closed' THEN date(X.due_at, '+8 hours') WHEN 'closed_on_time' THEN date(X.due_at, '+8 hours') WHEN 'handled' THEN date(X.handled_at, '+8 hours') WHEN 'reworked' THEN date(X.handled_at, '+8 hours') WHEN 'rated' THEN date(X.rated_at, '+8 hours') WHEN 'satisfied' THEN date(X.rated_at, '+8 hours') ELSE date(X.received_at, '+8 hours') END AS day,
          CASE dm.value WHEN 'unit' THEN coalesce(X.unit_id, '') ELSE X.category_id END AS key,
          m.value AS metric, 1 AS d
          FROM complaints AS X, json_each('["unit", "category"]') AS dm, json_each('["received", "responded_on_time", "filed", "due", "closed", "closed_on_time", "handled", "reworked", "rated", "satisfied"]') AS m
          WHERE CASE m.value
            WHEN 'received' THEN 1
            WHEN 'responded_on_time' THEN X.responded_at IS NOT NULL AND X.responded_at <= X.accept_due_at
            WHEN 'filed' THEN X.accepted_at IS NOT NULL
            WHEN 'due' THEN X.due_at IS NOT NULL
            WHEN 'closed' THEN X.due_at IS NOT NULL AND X.state IN ('closed_fixed', 'closed_not_fixed')
            WHEN 'closed_on_time' THEN X.due_at IS NOT NULL AND X.state IN ('closed_fixed', 'closed_not_fixed') AND X.closed_at <= X.due_at
            WHEN 'handled' THEN X.handled_at IS NOT NULL
            WHEN 'reworked' THEN X.handled_at IS NOT NULL AND X.rework_count > 0
            WHEN 'rated' THEN X.rated_at IS NOT NULL AND X.rating IS NOT NULL
            WHEN 'satisfied' THEN X.rated_at IS NOT NULL AND X.rating IN ('satisfied', 'basically_satisfied')
          END
    ) WHERE true GROUP BY dim, day, key
    ON CONFLICT (`dim`, `day`, `key`) DO UPDATE SET `received` = `received` + excluded.`received`, `responded_on_time` = `responded_on_time` + excluded.`responded_on_time`, `filed` = `filed` + excluded.`filed`, `due` = `due` + excluded.`due`, `closed` = `closed` + excluded.`closed`, `closed_on_time` = `closed_on_time` + excluded.`closed_on_time`, `handled` = `handled` + excluded.`handled`, `reworked` = `reworked` + excluded.`reworked`, `rated` = `rated` + excluded.`rated`, `satisfied` = `satisfied` + excluded.`satisfied`;
