/**
 * What an operator needs beyond the API: the readiness check of the schema's migration state (the
 * database connection check, liveness, Prometheus metrics and JSON logs come from Quarkus
 * extensions configured in application.properties).
 */
package org.nrmreferrals.operations;
