#!/usr/bin/env bash
# Prints a Hyperfoil benchmark that submits varied, valid referrals with unique idempotency keys.
# scenario.sh NAME PORT TOKEN_FILE PHASE, PHASE being "rate N DURATION" (open loop: N new
# submissions a second whatever the answers' speed, so stalls show as latency) or
# "users N DURATION" (closed loop: N clients, each submitting again on its answer: saturation),
# or "once N -" (N submissions started at once over the shared connections: a bulk load).
set -euo pipefail
name=$1 port=$2 token=$(cat "$3") kind=$4 n=$5 duration=$6

if [[ $kind == rate ]]; then
  phase="constantRate:
      usersPerSec: $n
      duration: $duration
      maxSessions: $((n * 30))"
elif [[ $kind == once ]]; then
  phase="atOnce:
      users: $n"
else
  phase="always:
      users: $n
      duration: $duration"
fi

cat <<YAML
name: $name
http:
  host: http://127.0.0.1:$port
  sharedConnections: ${CONNECTIONS:-64}
  requestTimeout: 60s
phases:
- submit:
    $phase
      scenario:
      - submit:
        - randomUUID:
            toVar: key
        # Names from syllables: about 200 given and 4,000 family names, so that likely duplicates
        # (same name and birth date or nationality) stay as rare as in real intake.
        - randomItem:
            toVar: g1
            list: [An, Mi, Thi, Bles, Ar, Ole, Kwa, Fa, Da, Li, Sa, Em, Iri, Tu, Gra, Ah, Ro, Va, Ne, Jo]
        - randomItem:
            toVar: g2
            list: [a, hai, na, sing, ben, me, ti, el, ra, on]
        - randomItem:
            toVar: f1
            list: [Po, Ngu, Oka, Ho, Ko, Men, Ra, Smi, Wa, Jo, Ade, Pe, Tra, Ose, Has, Bu, Ci, Dra, Ga, Le]
        - randomItem:
            toVar: f2
            list: [pe, ye, fo, xha, va, sa, hi, ne, tro, mo, ri, la, ke, du, be, zi, ta, go, ni, so]
        - randomItem:
            toVar: f3
            list: [scu, n, r, ko, nko, h, mi, ova, ev, i]
        - randomInt:
            toVar: born
            min: 1960
            max: 2006
        - randomInt:
            toVar: month
            min: 10
            max: 12
        - randomInt:
            toVar: day
            min: 10
            max: 28
        - randomItem:
            toVar: person
            list:
            - '"gender":"FEMALE","nationalities":["AL"],"countryOfOrigin":"AL","languages":["sq"],"interpreterNeeded":true'
            - '"gender":"MALE","nationalities":["VN"],"countryOfOrigin":"VN","languages":["vi"],"interpreterNeeded":true'
            - '"gender":"MALE","nationalities":["GB"],"countryOfOrigin":"GB","languages":["en"],"interpreterNeeded":false'
            - '"gender":"FEMALE","nationalities":["RO","MD"],"countryOfOrigin":"MD","languages":["ro"],"interpreterNeeded":true'
            - '"gender":"MALE","nationalities":["ER"],"countryOfOrigin":"ER","languages":["ti","ar"],"interpreterNeeded":true'
            - '"gender":"FEMALE","nationalities":["NG"],"countryOfOrigin":"NG","languages":["en","yo"],"interpreterNeeded":false'
            - '"gender":"MALE","nationalities":["SD"],"countryOfOrigin":"SD","languages":["ar"],"interpreterNeeded":true'
            - '"gender":"FEMALE","nationalities":["CN"],"countryOfOrigin":"CN","languages":["zh"],"interpreterNeeded":true'
        - randomItem:
            toVar: exploitation
            list:
            - '"ageAtExploitation":"ADULT","exploitation":{"types":["SEXUAL","LABOUR"],"countyLines":false,"location":"UK_AND_OVERSEAS","overseasCountries":["IT"],"policeForce":"METROPOLITAN"},"indicators":["DEBT_BONDAGE","WITHHOLDS_DOCUMENTS","RESTRICTED_MOVEMENT"],"consent":{"referral":true,"support":true,"policeContact":false}'
            - '"ageAtExploitation":"ADULT","exploitation":{"types":["LABOUR"],"countyLines":false,"location":"UK","policeForce":"WEST_MIDLANDS"},"indicators":["EXCESSIVE_WORKING_HOURS","LIVES_AT_WORKPLACE","TAKES_EARNINGS","POOR_LIVING_CONDITIONS"],"consent":{"referral":true,"support":true,"policeContact":true}'
            - '"ageAtExploitation":"ADULT","exploitation":{"types":["DOMESTIC_SERVITUDE"],"countyLines":false,"location":"UK","policeForce":"KENT"},"indicators":["ISOLATION","NO_IDENTITY_DOCUMENTS","PSYCHOLOGICAL_ABUSE"],"consent":{"referral":true,"support":false,"policeContact":false}'
            - '"ageAtExploitation":"CHILD","exploitation":{"types":["CRIMINAL"],"countyLines":true,"location":"UK","policeForce":"GREATER_MANCHESTER"},"indicators":["UNUSUAL_TRAVEL_TIMES","PHYSICAL_THREATS","FEAR_OF_AUTHORITIES"],"consent":{"referral":true,"support":true,"policeContact":false}'
            - '"ageAtExploitation":"CHILD","exploitation":{"types":["SEXUAL","CRIMINAL"],"countyLines":false,"location":"UK","policeForce":"WEST_YORKSHIRE"},"indicators":["SEXUAL_ABUSE","PSYCHOACTIVE_SUBSTANCES","UNDER_CONTROL_OF_OTHERS","WITHDRAWN"],"consent":{"referral":true,"support":true,"policeContact":false}'
            - '"ageAtExploitation":"ADULT","exploitation":{"types":["LABOUR","CRIMINAL"],"countyLines":false,"location":"OVERSEAS","overseasCountries":["FR","BE"],"policeForce":"ESSEX"},"indicators":["FALSE_PROMISES","DEBT_BONDAGE","THREATS_TO_FAMILY","TAKES_EARNINGS","FEW_POSSESSIONS"],"consent":{"referral":true,"support":true,"policeContact":true}'
        - httpRequest:
            POST: /api/v1/referrals
            headers:
              Authorization: Bearer $token
              Content-Type: application/json
              Idempotency-Key:
                fromVar: key
            body:
              pattern: '{"kind":"NRM","jurisdiction":"ENGLAND_AND_WALES","externalReference":"BENCH-\${key}","potentialVictim":{"givenName":"\${g1}\${g2}","familyName":"\${f1}\${f2}\${f3}","dateOfBirth":"\${born}-\${month}-\${day}",\${person}},\${exploitation},"supportNeeds":["ACCOMMODATION","INTERPRETER"],"account":"Found at a car wash by officers on a welfare visit; says the employer keeps the passport and takes the wages to pay a debt for the journey."}'
YAML
