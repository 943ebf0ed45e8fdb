/** Reference data: indicator catalogue, countries, exploitation types and police forces. */
package org.nrmreferrals.reference;
