-- Schema 6: customer care (issue 9). Times are ISO 8601 UTC text with the IANA
-- zone they were entered in beside them, so a case opened in Berlin reads back
-- as the same instant and the same wall-clock time.

-- One row per customer who has a care record; customer_id matches the ids of
-- order_lines (no foreign key: order_customers is rebuilt on every import).
CREATE TABLE care_contacts (
	customer_id     TEXT PRIMARY KEY CHECK (customer_id <> ''),
	name            TEXT NOT NULL DEFAULT '',
	email           TEXT NOT NULL DEFAULT '',
	platform_handle TEXT NOT NULL DEFAULT '', -- the buyer's name in platform messages
	chat            TEXT NOT NULL DEFAULT '', -- WhatsApp / LINE / WeChat id
	phone           TEXT NOT NULL DEFAULT '',
	language        TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en','zh','de','fr','es','ja')),
	time_zone       TEXT NOT NULL DEFAULT 'UTC',
	country         TEXT NOT NULL DEFAULT ''
) STRICT;

-- Notes and follow-up reminders on a customer's timeline. A reminder has a
-- due day; done marks it handled.
CREATE TABLE care_interactions (
	id          INTEGER PRIMARY KEY,
	customer_id TEXT NOT NULL REFERENCES care_contacts (customer_id) ON DELETE CASCADE,
	kind        TEXT NOT NULL CHECK (kind IN ('note','followup')),
	body        TEXT NOT NULL CHECK (body <> ''),
	created_at  TEXT NOT NULL,               -- UTC
	due_on      TEXT,                        -- YYYY-MM-DD, follow-ups only
	done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),
	CHECK (kind = 'note' OR due_on IS NOT NULL)
) STRICT;
CREATE INDEX care_interactions_due ON care_interactions (done, due_on);

CREATE TABLE care_cases (
	id                  INTEGER PRIMARY KEY,
	customer_id         TEXT NOT NULL REFERENCES care_contacts (customer_id),
	type                TEXT NOT NULL CHECK (type IN ('presale','shipping','return','complaint','dispute','review')),
	channel             TEXT NOT NULL CHECK (channel IN ('email','platform','chat','phone')),
	platform            TEXT NOT NULL DEFAULT '',
	order_id            TEXT NOT NULL DEFAULT '',
	tracking_no         TEXT NOT NULL DEFAULT '',
	priority            TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high','urgent')),
	status              TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','waiting_us','waiting_customer','resolved','closed')),
	subject             TEXT NOT NULL DEFAULT '',
	reason              TEXT NOT NULL DEFAULT '' CHECK (reason IN ('','quality','late','wrong_item','damaged','customs','other')),
	escalated           INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0,1)),
	opened_at           TEXT NOT NULL,
	opened_zone         TEXT NOT NULL DEFAULT 'UTC',
	first_response_at   TEXT,
	first_response_zone TEXT NOT NULL DEFAULT 'UTC',
	resolved_at         TEXT,
	resolved_zone       TEXT NOT NULL DEFAULT 'UTC',
	csat                INTEGER CHECK (csat BETWEEN 1 AND 5),
	nps                 INTEGER CHECK (nps BETWEEN 0 AND 10),
	feedback_reason     TEXT NOT NULL DEFAULT '' CHECK (feedback_reason IN ('','quality','late','wrong_item','damaged','customs','other')),
	CHECK (first_response_at IS NULL OR first_response_at >= opened_at),
	CHECK (resolved_at IS NULL OR resolved_at >= opened_at)
) STRICT;
CREATE INDEX care_cases_by_customer ON care_cases (customer_id, opened_at);
CREATE INDEX care_cases_by_opened ON care_cases (opened_at);

-- Business hours to answer within, per platform ('' is the default for
-- platforms not listed).
CREATE TABLE care_targets (
	platform TEXT PRIMARY KEY,
	hours    INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 720)
) STRICT;
INSERT INTO care_targets (platform, hours) VALUES ('', 24);

-- The shop's working hours: one row. days is a set of ISO weekdays 1..7.
CREATE TABLE care_hours (
	id        INTEGER PRIMARY KEY CHECK (id = 1),
	time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
	start_min INTEGER NOT NULL DEFAULT 540 CHECK (start_min BETWEEN 0 AND 1439),
	end_min   INTEGER NOT NULL DEFAULT 1080 CHECK (end_min BETWEEN 1 AND 1440),
	days      TEXT NOT NULL DEFAULT '1,2,3,4,5',
	CHECK (end_min > start_min)
) STRICT;
INSERT INTO care_hours (id) VALUES (1);

CREATE TABLE care_holidays (
	day  TEXT PRIMARY KEY CHECK (length(day) = 10),
	name TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE care_templates (
	id        INTEGER PRIMARY KEY,
	situation TEXT NOT NULL CHECK (situation IN ('order_confirmation','shipping_delay','tracking_update','return_approved','refund_issued','review_followup','win_back')),
	language  TEXT NOT NULL CHECK (language IN ('en','zh','de','fr','es','ja')),
	body      TEXT NOT NULL CHECK (body <> ''),
	UNIQUE (situation, language)
) STRICT;
