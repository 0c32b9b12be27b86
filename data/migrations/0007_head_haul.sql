-- Head haul (头程) priced as bulk freight (issue 13). FBA and overseas-warehouse
-- channels ship stock by the carton to a warehouse in the market, charged per
-- chargeable kg with no first weight; their first_weight_g and first_price_fen
-- are no longer read. What such a channel may add, all 0 when none or not known:

-- The forwarder's minimum charge per shipment, CNY fen, spread over the units
-- of a typical carton (carton_units), the smallest lot a seller sends.
ALTER TABLE logistics_channels ADD COLUMN min_charge_fen INTEGER NOT NULL DEFAULT 0 CHECK (min_charge_fen >= 0);
ALTER TABLE logistics_channels ADD COLUMN carton_units INTEGER NOT NULL DEFAULT 0 CHECK (carton_units >= 0);
-- Storage per unit for its expected time in stock, in the destination
-- currency's cents like fulfilment_cents.
ALTER TABLE logistics_channels ADD COLUMN storage_cents INTEGER NOT NULL DEFAULT 0 CHECK (storage_cents >= 0);

-- A quote's landed cost now stops at the warehouse or door: fulfilment and the
-- per-order fee moved to unit_cost. Saved quotes keep their inputs (and are
-- recomputed from them when read); the landed_cents shown beside them in lists
-- drops those two fees so it means the same as a quote saved from now on. The
-- fees are decimal strings of at most a few places, so the REAL arithmetic here
-- is exact to the cent after rounding.
UPDATE quotes SET landed_cents = landed_cents - CAST(round(100 * (
	CAST(json_extract(inputs, '$.fulfilment_fee') AS REAL) + CAST(json_extract(inputs, '$.per_order_fee') AS REAL))) AS INTEGER);
