/**
 * Offers of the catalog's services with their business models and price versions, data products
 * that grant read access to entity types, and the orders (subscriptions) residents and partners
 * place on them.
 */
package org.sundwerk.business.offer;
