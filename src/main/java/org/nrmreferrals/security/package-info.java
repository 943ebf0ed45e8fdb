/** Who is calling: bearer-token roles, the partner's agency, and the production key guard. */
package org.nrmreferrals.security;
