/** The registry of First Responder Organisations allowed to refer. */
package org.nrmreferrals.agency;
