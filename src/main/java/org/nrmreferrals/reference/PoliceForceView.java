package org.nrmreferrals.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A police force with its stable code and the nation it polices. */
@Schema(name = "PoliceForce")
public record PoliceForceView(
    String code,
    String name,
    @Schema(enumeration = {"ENGLAND", "WALES", "SCOTLAND", "NORTHERN_IRELAND", "GREAT_BRITAIN"})
        String nation) {}
