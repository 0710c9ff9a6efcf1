package org.planmap.web;

import org.planmap.PostgisServerTest;

/** {@link VersionApiTest} with the layers, their versions and the audit log in PostGIS. */
@PostgisServerTest
class PostgisVersionApiTest extends VersionApiTest {
}
