package org.nrmreferrals.reference;

/** An indicator a first responder can record, with its HTCDS 2.0 name where one exists. */
public record IndicatorView(String code, String label, String group, String htcdsName) {}
