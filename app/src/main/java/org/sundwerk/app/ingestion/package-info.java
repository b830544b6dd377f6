/** HTTP webhooks of the LoRaWAN network servers, feeding the device ingestion. */
package org.sundwerk.app.ingestion;
