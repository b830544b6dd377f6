/**
 * Field adapters that turn device messages (LoRaWAN uplinks from ChirpStack v4 and The Things Stack
 * v3, plain JSON over MQTT) into Merge Entity operations on the broker.
 */
package org.sundwerk.ingestion;
