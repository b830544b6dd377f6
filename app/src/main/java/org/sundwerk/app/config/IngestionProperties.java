package org.sundwerk.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the device ingestion under {@code sundwerk.ingestion.*}.
 *
 * @param devices Spring resource location of the device registry (JSON); default the demo city's
 *     devices, {@code classpath:demo/devices.json}
 */
@ConfigurationProperties("sundwerk.ingestion")
public record IngestionProperties(@DefaultValue("classpath:demo/devices.json") String devices) {}
