/** Export: a referral in the terms of the Human Trafficking Case Data Standard (HTCDS 2.0). */
package org.nrmreferrals.referral.export;
