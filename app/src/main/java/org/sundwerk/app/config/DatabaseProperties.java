package org.sundwerk.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which database the store uses, under {@code sundwerk.*} (environment: {@code SUNDWERK_DB_URL},
 * {@code SUNDWERK_DB_USER}, {@code SUNDWERK_DB_PASSWORD}).
 *
 * @param dbUrl a {@code jdbc:postgresql://host:port/database} URL selects PostgreSQL (with PostGIS,
 *     created by the first migration if missing, which needs a superuser); empty (the default)
 *     selects the embedded SQLite database in {@code sundwerk.data-dir}
 * @param dbUser the PostgreSQL user; default empty (the driver's default)
 * @param dbPassword the PostgreSQL password; default empty
 */
@ConfigurationProperties("sundwerk")
public record DatabaseProperties(
    @DefaultValue("") String dbUrl,
    @DefaultValue("") String dbUser,
    @DefaultValue("") String dbPassword) {}
