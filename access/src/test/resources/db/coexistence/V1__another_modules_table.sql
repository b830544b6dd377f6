-- Stands for the store's migrations: another module's table and Flyway history in the same schema.
CREATE TABLE entities (id TEXT PRIMARY KEY);
