/** nrm-referrals: referrals into the UK National Referral Mechanism, tracked to a decision. */
package org.nrmreferrals;
