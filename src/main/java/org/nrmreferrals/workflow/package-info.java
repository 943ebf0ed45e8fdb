/**
 * The statutory NRM workflow as pure rules: the one table of statuses and transitions, and the
 * deadlines the law sets in working days and recovery-period days.
 */
package org.nrmreferrals.workflow;
