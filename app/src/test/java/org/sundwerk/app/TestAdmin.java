package org.sundwerk.app;

/**
 * The platform-operator key ({@code SUNDWERK_ADMIN_API_KEY}) every test server is started with, and
 * that test clients send unless a test is about who may not.
 */
public final class TestAdmin {

  public static final String KEY = "sw-test-admin-key-0123456789abcdefghijklmnop";

  public static final String HEADER = "X-API-Key";

  private TestAdmin() {}
}
