-- Partners of a tenant, their contacts, their onboarding history (never deleted), the tenant's
-- versioned partner terms and who accepted which version. Times are epoch milliseconds (UTC).
CREATE TABLE business_partner_partners (
  tenant         TEXT    NOT NULL,
  id             TEXT    NOT NULL,
  kind           TEXT    NOT NULL,
  display_name   TEXT    NOT NULL,
  legal_name     TEXT    NOT NULL,
  street         TEXT    NOT NULL,
  postcode       TEXT    NOT NULL,
  city           TEXT    NOT NULL,
  country        TEXT    NOT NULL,
  vat_id         TEXT,
  iban           TEXT,
  bic            TEXT,
  account_holder TEXT,
  leitweg_id     TEXT,
  status         TEXT    NOT NULL,
  applicant      TEXT    NOT NULL,
  applied_at     BIGINT  NOT NULL,
  changed_at     BIGINT  NOT NULL,
  PRIMARY KEY (tenant, id)
);

CREATE INDEX business_partner_partners_status ON business_partner_partners (tenant, status);

CREATE TABLE business_partner_contacts (
  tenant   TEXT    NOT NULL,
  partner  TEXT    NOT NULL,
  position INTEGER NOT NULL,
  name     TEXT    NOT NULL,
  role     TEXT    NOT NULL,
  email    TEXT    NOT NULL,
  phone    TEXT,
  PRIMARY KEY (tenant, partner, position),
  FOREIGN KEY (tenant, partner) REFERENCES business_partner_partners (tenant, id)
);

CREATE TABLE business_partner_transitions (
  tenant        TEXT    NOT NULL,
  partner       TEXT    NOT NULL,
  seq           INTEGER NOT NULL,
  from_status   TEXT,
  to_status     TEXT    NOT NULL,
  actor         TEXT    NOT NULL,
  at            BIGINT  NOT NULL,
  reason        TEXT,
  terms_version INTEGER,
  PRIMARY KEY (tenant, partner, seq),
  FOREIGN KEY (tenant, partner) REFERENCES business_partner_partners (tenant, id)
);

CREATE TABLE business_partner_terms (
  tenant    TEXT    NOT NULL,
  version   INTEGER NOT NULL,
  text_de   TEXT    NOT NULL,
  text_en   TEXT,
  effective TEXT    NOT NULL,
  PRIMARY KEY (tenant, version)
);

CREATE TABLE business_partner_acceptances (
  tenant      TEXT    NOT NULL,
  partner     TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  account     TEXT    NOT NULL,
  accepted_at BIGINT  NOT NULL,
  PRIMARY KEY (tenant, partner, version, accepted_at),
  FOREIGN KEY (tenant, partner) REFERENCES business_partner_partners (tenant, id)
);
