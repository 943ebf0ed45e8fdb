package org.nrmreferrals.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator a first responder can record, with its HTCDS 2.0 name where one exists. */
@Schema(name = "Indicator")
public record IndicatorView(
    String code,
    String label,
    @Schema(enumeration = {"PHYSICAL", "PSYCHOLOGICAL", "SITUATIONAL", "CONTROL"}) String group,
    @Schema(nullable = true, description = "HTCDS 2.0 vic_MethodsOfControl value name, if any")
        String htcdsName) {}
