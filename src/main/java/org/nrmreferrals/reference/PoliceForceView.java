package org.nrmreferrals.reference;

/** A police force with its stable code and the nation it polices. */
public record PoliceForceView(String code, String name, String nation) {}
