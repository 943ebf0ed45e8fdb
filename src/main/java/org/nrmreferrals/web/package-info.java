/** HTTP concerns shared by every feature: the problem+json error shape and request limits. */
package org.nrmreferrals.web;
