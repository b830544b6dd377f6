/**
 * Smart-city indicators: a catalogue per tenant mapped to the ten areas of Haselhorst's Smart City
 * ranking and the five of Bitkom's Smart City Index, values with their evidence and history, and
 * the computation of every value the platform itself knows ({@link
 * org.sundwerk.business.indicators.IndicatorSource}): figures of the catalog, partners, offers and
 * metering come from the business layer, data-layer figures through a source the app implements.
 */
package org.sundwerk.business.indicators;
