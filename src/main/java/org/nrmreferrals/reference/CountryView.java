package org.nrmreferrals.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A country code and its English name. */
@Schema(name = "Country")
public record CountryView(String code, String name) {}
