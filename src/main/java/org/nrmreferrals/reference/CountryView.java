package org.nrmreferrals.reference;

/** A country code and its English name. */
public record CountryView(String code, String name) {}
