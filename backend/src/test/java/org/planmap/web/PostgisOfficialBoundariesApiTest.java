package org.planmap.web;

import org.planmap.PostgisServerTest;

/** {@link OfficialBoundariesApiTest} with the layers, their versions, the ledger and the audit log in PostGIS. */
@PostgisServerTest
class PostgisOfficialBoundariesApiTest extends OfficialBoundariesApiTest {
}
