/**
 * The operators' HTTP API for automation: accounts of partners, their roles and API keys, and the
 * audit log; every call decided by the access gate as an admin action of a tenant.
 */
package org.sundwerk.app.admin;
