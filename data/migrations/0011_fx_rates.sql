-- Dated exchange rates (issue 14): from valid_from on, one unit of currency
-- costs cny_per_unit yuan, until the currency's next row. Rates are decimal
-- text so 0.048 (JPY) stays exact. The seed is the pricing markets' rounded
-- rates (app.DefaultFXRates; TestFXSeedMatchesApp keeps the two equal),
-- to be replaced by the seller with the day's rates.
CREATE TABLE fx_rates (
	currency     TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency) AND currency <> 'CNY'),
	valid_from   TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	cny_per_unit TEXT NOT NULL,
	note         TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (currency, valid_from)
) WITHOUT ROWID;

INSERT INTO fx_rates (currency, valid_from, cny_per_unit, note) VALUES
	('USD', '2026-01-01', '7.20', 'built-in'),
	('GBP', '2026-01-01', '9.10', 'built-in'),
	('EUR', '2026-01-01', '7.75', 'built-in'),
	('JPY', '2026-01-01', '0.048', 'built-in'),
	('CAD', '2026-01-01', '5.15', 'built-in'),
	('AUD', '2026-01-01', '4.70', 'built-in');
