-- Schema 8 (assigned number 13; the runner needs contiguous numbers, so the
-- lead renumbers on merge): inventory and replenishment (issue 17).

-- Stock of one SKU in one warehouse ('FBA', 'FBA-UK', 'US-3PL', 'Shenzhen'),
-- as last imported or edited. (sku, warehouse) is the row key an import
-- replaces. sku matches products.sku and order_lines.stock_code by text, with
-- no foreign key: stock and orders arrive from files before the catalogue
-- knows every SKU.
CREATE TABLE stock_levels (
	sku        TEXT NOT NULL CHECK (sku <> ''),
	warehouse  TEXT NOT NULL CHECK (warehouse <> ''),
	on_hand    INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
	reserved   INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
	unsellable INTEGER NOT NULL DEFAULT 0 CHECK (unsellable >= 0),
	inbound    INTEGER NOT NULL DEFAULT 0 CHECK (inbound >= 0),
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	PRIMARY KEY (sku, warehouse)
) STRICT, WITHOUT ROWID;

-- Shipments on their way that no stock file counts yet (a sea shipment to an
-- overseas warehouse): they add to inbound until received and place the
-- arrival on the projection.
CREATE TABLE inbound_shipments (
	id         INTEGER PRIMARY KEY,
	sku        TEXT NOT NULL CHECK (sku <> ''),
	warehouse  TEXT NOT NULL DEFAULT '',
	quantity   INTEGER NOT NULL CHECK (quantity > 0),
	channel_id INTEGER REFERENCES logistics_channels (id) ON DELETE SET NULL,
	shipped_on TEXT NOT NULL,                  -- YYYY-MM-DD
	arrives_on TEXT NOT NULL CHECK (arrives_on >= shipped_on),
	received   INTEGER NOT NULL DEFAULT 0 CHECK (received IN (0,1))
) STRICT;
CREATE INDEX inbound_shipments_open ON inbound_shipments (sku) WHERE received = 0;

-- Lead time = production days + the transit days of the default channel;
-- carton_units rounds a purchase order up to whole cartons (0: by the unit).
ALTER TABLE products ADD COLUMN production_days INTEGER NOT NULL DEFAULT 0 CHECK (production_days >= 0);
ALTER TABLE products ADD COLUMN default_channel_id INTEGER REFERENCES logistics_channels (id) ON DELETE SET NULL;
ALTER TABLE products ADD COLUMN carton_units INTEGER NOT NULL DEFAULT 0 CHECK (carton_units >= 0);
