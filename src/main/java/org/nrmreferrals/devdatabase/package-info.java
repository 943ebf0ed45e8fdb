/** Starts a real embedded PostgreSQL for the dev and test profiles; never active in production. */
package org.nrmreferrals.devdatabase;
