#!/usr/bin/env python3
"""Prints N import lines (NDJSON) of varied, valid referrals, drawn as bench/intake/scenario.sh
draws its single submissions: import.py N [SEED]."""
import json, random, sys, uuid

n = int(sys.argv[1])
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 2026)
G1 = "An Mi Thi Bles Ar Ole Kwa Fa Da Li Sa Em Iri Tu Gra Ah Ro Va Ne Jo".split()
G2 = "a hai na sing ben me ti el ra on".split()
F1 = "Po Ngu Oka Ho Ko Men Ra Smi Wa Jo Ade Pe Tra Ose Has Bu Ci Dra Ga Le".split()
F2 = "pe ye fo xha va sa hi ne tro mo ri la ke du be zi ta go ni so".split()
F3 = "scu n r ko nko h mi ova ev i".split()
PEOPLE = [
    dict(gender="FEMALE", nationalities=["AL"], countryOfOrigin="AL", languages=["sq"], interpreterNeeded=True),
    dict(gender="MALE", nationalities=["VN"], countryOfOrigin="VN", languages=["vi"], interpreterNeeded=True),
    dict(gender="MALE", nationalities=["GB"], countryOfOrigin="GB", languages=["en"], interpreterNeeded=False),
    dict(gender="FEMALE", nationalities=["RO", "MD"], countryOfOrigin="MD", languages=["ro"], interpreterNeeded=True),
    dict(gender="MALE", nationalities=["ER"], countryOfOrigin="ER", languages=["ti", "ar"], interpreterNeeded=True),
    dict(gender="FEMALE", nationalities=["NG"], countryOfOrigin="NG", languages=["en", "yo"], interpreterNeeded=False),
    dict(gender="MALE", nationalities=["SD"], countryOfOrigin="SD", languages=["ar"], interpreterNeeded=True),
    dict(gender="FEMALE", nationalities=["CN"], countryOfOrigin="CN", languages=["zh"], interpreterNeeded=True),
]
EXPLOITATIONS = [
    ("ADULT", dict(types=["SEXUAL", "LABOUR"], countyLines=False, location="UK_AND_OVERSEAS", overseasCountries=["IT"], policeForce="METROPOLITAN"), ["DEBT_BONDAGE", "WITHHOLDS_DOCUMENTS", "RESTRICTED_MOVEMENT"], dict(referral=True, support=True, policeContact=False)),
    ("ADULT", dict(types=["LABOUR"], countyLines=False, location="UK", policeForce="WEST_MIDLANDS"), ["EXCESSIVE_WORKING_HOURS", "LIVES_AT_WORKPLACE", "TAKES_EARNINGS", "POOR_LIVING_CONDITIONS"], dict(referral=True, support=True, policeContact=True)),
    ("ADULT", dict(types=["DOMESTIC_SERVITUDE"], countyLines=False, location="UK", policeForce="KENT"), ["ISOLATION", "NO_IDENTITY_DOCUMENTS", "PSYCHOLOGICAL_ABUSE"], dict(referral=True, support=False, policeContact=False)),
    ("CHILD", dict(types=["CRIMINAL"], countyLines=True, location="UK", policeForce="GREATER_MANCHESTER"), ["UNUSUAL_TRAVEL_TIMES", "PHYSICAL_THREATS", "FEAR_OF_AUTHORITIES"], dict(referral=True, support=True, policeContact=False)),
    ("CHILD", dict(types=["SEXUAL", "CRIMINAL"], countyLines=False, location="UK", policeForce="WEST_YORKSHIRE"), ["SEXUAL_ABUSE", "PSYCHOACTIVE_SUBSTANCES", "UNDER_CONTROL_OF_OTHERS", "WITHDRAWN"], dict(referral=True, support=True, policeContact=False)),
    ("ADULT", dict(types=["LABOUR", "CRIMINAL"], countyLines=False, location="OVERSEAS", overseasCountries=["FR", "BE"], policeForce="ESSEX"), ["FALSE_PROMISES", "DEBT_BONDAGE", "THREATS_TO_FAMILY", "TAKES_EARNINGS", "FEW_POSSESSIONS"], dict(referral=True, support=True, policeContact=True)),
]
out = sys.stdout
for _ in range(n):
    key = str(uuid.UUID(int=rnd.getrandbits(128)))
    age, exploitation, indicators, consent = rnd.choice(EXPLOITATIONS)
    person = dict(givenName=rnd.choice(G1) + rnd.choice(G2),
                  familyName=rnd.choice(F1) + rnd.choice(F2) + rnd.choice(F3),
                  dateOfBirth=f"{rnd.randint(1960, 2006)}-{rnd.randint(10, 12)}-{rnd.randint(10, 28)}",
                  **rnd.choice(PEOPLE))
    referral = dict(kind="NRM", jurisdiction="ENGLAND_AND_WALES", externalReference="BENCH-" + key,
                    potentialVictim=person, ageAtExploitation=age, exploitation=exploitation,
                    indicators=indicators, consent=consent, supportNeeds=["ACCOMMODATION", "INTERPRETER"],
                    account="Found at a car wash by officers on a welfare visit; says the employer keeps the"
                            " passport and takes the wages to pay a debt for the journey.")
    out.write(json.dumps({"idempotencyKey": key, "referral": referral}, separators=(",", ":")) + "\n")
