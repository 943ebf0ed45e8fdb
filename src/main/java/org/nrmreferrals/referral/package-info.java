/** Intake and reading of NRM referrals and Duty to Notify reports, scoped to the caller. */
package org.nrmreferrals.referral;
