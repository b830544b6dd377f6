-- Offers with versioned terms and prices, and the orders placed on them. Times are epoch
-- milliseconds, dates ISO text (Europe/Berlin), amounts plain decimal text inside the model.
CREATE TABLE business_offer_offers (
  tenant        TEXT    NOT NULL,
  id            TEXT    NOT NULL,
  service_ref   TEXT    NOT NULL,
  provider      TEXT    NOT NULL,
  name_de       TEXT    NOT NULL,
  name_en       TEXT,
  terms_version INTEGER NOT NULL,
  price_version INTEGER NOT NULL,
  -- a data product: its entity type IRIs, each followed by a newline; NULL for none
  data_types    TEXT,
  -- its promised requests per minute; 0 without a data product
  data_rate     INTEGER NOT NULL,
  status        TEXT    NOT NULL,
  created_at    BIGINT  NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX business_offer_offers_service ON business_offer_offers (tenant, service_ref);
CREATE INDEX business_offer_offers_provider ON business_offer_offers (tenant, provider);

CREATE TABLE business_offer_terms (
  tenant     TEXT    NOT NULL,
  offer_id   TEXT    NOT NULL,
  version    INTEGER NOT NULL,
  de         TEXT    NOT NULL,
  en         TEXT,
  created_at BIGINT  NOT NULL,
  PRIMARY KEY (tenant, offer_id, version),
  FOREIGN KEY (tenant, offer_id) REFERENCES business_offer_offers (tenant, id)
);

CREATE TABLE business_offer_prices (
  tenant      TEXT    NOT NULL,
  offer_id    TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  model       TEXT    NOT NULL,
  vat         TEXT    NOT NULL,
  valid_from  TEXT    NOT NULL,
  valid_until TEXT,
  created_at  BIGINT  NOT NULL,
  PRIMARY KEY (tenant, offer_id, version),
  FOREIGN KEY (tenant, offer_id) REFERENCES business_offer_offers (tenant, id)
);

CREATE TABLE business_offer_orders (
  tenant              TEXT    NOT NULL,
  id                  TEXT    NOT NULL,
  offer_id            TEXT    NOT NULL,
  price_version       INTEGER NOT NULL,
  consumer            TEXT    NOT NULL,
  acting_for          TEXT,
  terms_version       INTEGER NOT NULL,
  consented_at        BIGINT  NOT NULL,
  start_at            BIGINT  NOT NULL,
  period_end          BIGINT  NOT NULL,
  cancel_requested_at BIGINT,
  cancel_effective_at BIGINT,
  status              TEXT    NOT NULL,
  api_key             TEXT,
  PRIMARY KEY (tenant, id),
  FOREIGN KEY (tenant, offer_id, price_version)
    REFERENCES business_offer_prices (tenant, offer_id, version),
  FOREIGN KEY (tenant, offer_id, terms_version)
    REFERENCES business_offer_terms (tenant, offer_id, version)
);
CREATE INDEX business_offer_orders_consumer ON business_offer_orders (tenant, consumer);
CREATE INDEX business_offer_orders_offer ON business_offer_orders (tenant, offer_id);
CREATE INDEX business_offer_orders_due ON business_offer_orders (status, period_end);
