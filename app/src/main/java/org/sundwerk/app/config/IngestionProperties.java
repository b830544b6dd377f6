package org.sundwerk.app.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the device ingestion under {@code sundwerk.ingestion.*}.
 *
 * @param devices Spring resource location of the device registry (JSON); default the demo city's
 *     devices, {@code classpath:demo/devices.json}
 * @param context the {@code @context} (URLs, later ones winning) that expands the attribute names
 *     of the registry and of plain JSON messages; IRIs pass unchanged, the core context applies
 *     last. Default the Smart Data Models domains of the demo, Parking and Weather last, so that
 *     {@code availableSpotNumber} or a weather station's {@code temperature} name the official
 *     attributes (a name that two domains define differently, like a water {@code temperature}, is
 *     given as an IRI)
 */
@ConfigurationProperties("sundwerk.ingestion")
public record IngestionProperties(
    @DefaultValue("classpath:demo/devices.json") String devices,
    @DefaultValue({
          "https://raw.githubusercontent.com/smart-data-models/dataModel.PointOfInterest/master/context.jsonld",
          "https://raw.githubusercontent.com/smart-data-models/dataModel.TourismDestinations/master/context.jsonld",
          "https://raw.githubusercontent.com/smart-data-models/dataModel.Transportation/master/context.jsonld",
          "https://raw.githubusercontent.com/smart-data-models/dataModel.Environment/master/context.jsonld",
          "https://raw.githubusercontent.com/smart-data-models/dataModel.WasteManagement/master/context.jsonld",
          "https://raw.githubusercontent.com/smart-data-models/dataModel.WaterQuality/master/context.jsonld",
          "https://raw.githubusercontent.com/smart-data-models/dataModel.Parking/master/context.jsonld",
          "https://raw.githubusercontent.com/smart-data-models/dataModel.Weather/master/context.jsonld"
        })
        List<String> context) {}
