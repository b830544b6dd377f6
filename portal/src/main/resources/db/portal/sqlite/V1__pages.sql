-- Operator-edited portal pages (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache) per
-- tenant and language; a missing row means the built-in default text.
CREATE TABLE portal_page (
  tenant     TEXT NOT NULL,
  slug       TEXT NOT NULL,
  lang       TEXT NOT NULL,
  markdown   TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (tenant, slug, lang)
);

-- Feedback sent with the form of the accessibility statement (BITV 2.0 § 7 feedback mechanism).
CREATE TABLE portal_feedback (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant     TEXT NOT NULL,
  received_at TEXT NOT NULL,
  page       TEXT NOT NULL,
  message    TEXT NOT NULL,
  reply_to   TEXT NOT NULL
);
