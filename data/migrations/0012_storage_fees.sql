-- Storage cost (issue 17, assigned number 0011): the dated fee table, each
-- SKU's storage entries, and the defaults every workspace starts with.

-- One row per fee: a monthly storage price by size tier and season, or an
-- aged-inventory surcharge band starting at min_age_days. price is a decimal
-- in TEXT (money is never a float here) per volume_unit per month, in the
-- marketplace's currency. A row applies from valid_from until a newer row of
-- the same key, so a fee change is a new row, and history stays.
CREATE TABLE storage_fees (
	id           INTEGER PRIMARY KEY,
	fee_type     TEXT NOT NULL CHECK (fee_type IN ('monthly', 'aged')),
	kind         TEXT NOT NULL CHECK (kind IN ('marketplace', 'warehouse')),
	location     TEXT NOT NULL CHECK (location <> ''),
	size_tier    TEXT NOT NULL DEFAULT '' CHECK (size_tier IN ('', 'standard', 'oversize')),
	season       TEXT NOT NULL DEFAULT '' CHECK (season IN ('', 'jan_sep', 'oct_dec')),
	min_age_days INTEGER NOT NULL DEFAULT 0 CHECK (min_age_days >= 0),
	volume_unit  TEXT NOT NULL CHECK (volume_unit IN ('ft3', 'm3')),
	currency     TEXT NOT NULL CHECK (length(currency) = 3),
	price        TEXT NOT NULL,
	valid_from   TEXT NOT NULL,               -- YYYY-MM-DD
	UNIQUE (fee_type, location, size_tier, season, min_age_days, valid_from)
) STRICT;

-- What the seller entered about storing a SKU, and the volume Amazon's FBA
-- inventory report gave (per-unit-volume, cubic feet). Empty text: not
-- given, derived from the catalogue instead.
CREATE TABLE sku_storage (
	sku         TEXT PRIMARY KEY CHECK (sku <> ''),
	location    TEXT NOT NULL DEFAULT '',
	size_tier   TEXT NOT NULL DEFAULT '' CHECK (size_tier IN ('', 'standard', 'oversize')),
	entered_cm3 TEXT NOT NULL DEFAULT '',
	report_ft3  TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;

-- Amazon's published figures for the marketplaces the app ships channels for
-- (US, JP); the guide names the pages and the day they were read. They are
-- defaults to edit: Amazon changes them.
-- US monthly storage, non-dangerous goods, per cubic foot.
INSERT INTO storage_fees (fee_type, kind, location, size_tier, season, volume_unit, currency, price, valid_from) VALUES
	('monthly', 'marketplace', 'US', 'standard', 'jan_sep', 'ft3', 'USD', '0.75', '2024-01-01'),
	('monthly', 'marketplace', 'US', 'standard', 'oct_dec', 'ft3', 'USD', '2.40', '2024-01-01'),
	('monthly', 'marketplace', 'US', 'oversize', 'jan_sep', 'ft3', 'USD', '0.48', '2024-01-01'),
	('monthly', 'marketplace', 'US', 'oversize', 'oct_dec', 'ft3', 'USD', '1.20', '2024-01-01'),
-- JP monthly storage, standard size, per cubic metre (¥5.160 / ¥9.170 per 1,000 cm³).
	('monthly', 'marketplace', 'JP', 'standard', 'jan_sep', 'm3', 'JPY', '5160', '2024-01-01'),
	('monthly', 'marketplace', 'JP', 'standard', 'oct_dec', 'm3', 'JPY', '9170', '2024-01-01');
-- US aged-inventory surcharge bands from 2023-04-15, per cubic foot per month.
INSERT INTO storage_fees (fee_type, kind, location, min_age_days, volume_unit, currency, price, valid_from) VALUES
	('aged', 'marketplace', 'US', 181, 'ft3', 'USD', '0.50', '2023-04-15'),
	('aged', 'marketplace', 'US', 211, 'ft3', 'USD', '1.00', '2023-04-15'),
	('aged', 'marketplace', 'US', 241, 'ft3', 'USD', '1.50', '2023-04-15'),
	('aged', 'marketplace', 'US', 271, 'ft3', 'USD', '3.80', '2023-04-15'),
	('aged', 'marketplace', 'US', 301, 'ft3', 'USD', '4.00', '2023-04-15'),
	('aged', 'marketplace', 'US', 331, 'ft3', 'USD', '4.20', '2023-04-15'),
	('aged', 'marketplace', 'US', 365, 'ft3', 'USD', '6.90', '2023-04-15');
