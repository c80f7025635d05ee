#!/usr/bin/env python3
"""Writes the household-QR known-answer vectors (docs/vectors/household-qr*.tsv).

An implementation independent of the Java code: Debian python3-cryptography (Ed25519, RFC 8032),
the rules of docs/household-qr.md, nothing else. Re-run from the repository root:

    apt-get install -y python3-cryptography
    python3 docs/vectors/household_qr_vectors.py

Ed25519 signatures are deterministic, so a re-run writes the same files byte for byte; the
protocol module's HouseholdQrVectorsTest checks that Java reads every row as stated and, for every
valid version 2 row, signs the same card to the same payload.

The two keys are the secret keys of RFC 8032 section 7.1, TEST 1 and TEST 2: public test keys,
never to be used by a real hub.
"""
import base64
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = Path(__file__).resolve().parent

KEYS = {
    # key id: (RFC 8032 secret key, validUntil or "-" for the current key)
    "1": ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "2027-06-30"),
    "2": ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "-"),
}
PRIVATE = {k: Ed25519PrivateKey.from_private_bytes(bytes.fromhex(v[0])) for k, v in KEYS.items()}


def b64url(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def signed(text, key_id):
    """text + '|' + base64url(Ed25519(text)), as the hub writes a card."""
    return text + "|" + b64url(PRIVATE[key_id].sign(text.encode("utf-8")))


def v2(key_id, commune, household, issued, serial, signer=None):
    return signed(f"GDS2|{key_id}|{commune}|{household}|{issued}|{serial}", signer or key_id)


def v1(commune, household, issued):
    return signed(f"GDS1|{commune}|{household}|{issued}", "1")


LONG_CODE = "AT-TH12-" + "ABCDEFGHIJKLMNOPQRSTUVWX"  # 32 characters, the longest allowed
assert len(LONG_CODE) == 32

good = v2("2", "an-tuong", "AT-T1-0042", "20261121", 3)
# Each row: name, the reader's date, expected (valid | invalid | expired), the text the reason must
# contain, the card it reads as (keyId commune household issued serial, or -), payload.
ROWS = [
    ("v2, current key 2", "2026-11-21", "valid", "-", "2 an-tuong AT-T1-0042 20261121 3", good),
    ("v2, key 1 before its date", "2027-06-30", "valid", "-", "1 an-tuong AT-T1-0042 20261121 1",
     v2("1", "an-tuong", "AT-T1-0042", "20261121", 1)),
    ("v2, key 1 after its date", "2027-07-01", "expired", "card expired", "1 an-tuong AT-T1-0042 20261121 1",
     v2("1", "an-tuong", "AT-T1-0042", "20261121", 1)),
    ("v2, longest household code, large serial", "2026-12-01", "valid", "-",
     f"2 kon-chieng {LONG_CODE} 20261201 999999", v2("2", "kon-chieng", LONG_CODE, "20261201", 999999)),
    ("v1 card reads as key 1, serial 0", "2027-06-30", "valid", "-", "1 an-tuong AT-TH1-0042 20261121 0",
     v1("an-tuong", "AT-TH1-0042", "20261121")),
    ("v1 card after key 1's date", "2027-07-01", "expired", "card expired", "1 an-tuong AT-TH1-0042 20261121 0",
     v1("an-tuong", "AT-TH1-0042", "20261121")),
    ("v2 naming key 2 but signed by key 1", "2026-11-21", "invalid", "does not verify", "-",
     v2("2", "an-tuong", "AT-T1-0042", "20261121", 3, signer="1")),
    ("v2 with the household code altered after signing", "2026-11-21", "invalid", "does not verify", "-",
     good.replace("AT-T1-0042", "AT-T1-0043")),
    ("v2 with the serial altered after signing", "2026-11-21", "invalid", "does not verify", "-",
     good.replace("|3|", "|4|")),
    ("v2 naming a key the reader does not know", "2026-11-21", "invalid", "does not know", "-",
     v2("3", "an-tuong", "AT-T1-0042", "20261121", 1, signer="2")),
    ("v2 with serial 0", "2026-11-21", "invalid", "serial", "-",
     v2("2", "an-tuong", "AT-T1-0042", "20261121", 0)),
    ("v2 with a leading zero in the key id", "2026-11-21", "invalid", "key id", "-",
     signed("GDS2|02|an-tuong|AT-T1-0042|20261121|3", "2")),
    ("v2 with an impossible date", "2026-11-21", "invalid", "real date", "-",
     v2("2", "an-tuong", "AT-T1-0042", "20261131", 3)),
    ("v2 with padded base64", "2026-11-21", "invalid", "base64url", "-", good[:-2] + "=="),
    ("unknown version GDS3", "2026-11-21", "invalid", "must start with", "-", good.replace("GDS2|", "GDS3|", 1)),
]


def spki(key):
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode("ascii")


def pkcs8(key):
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    return base64.b64encode(der).decode("ascii")


def main():
    keys = ["# Household-QR test keys (RFC 8032 7.1 TEST 1 and TEST 2). Written by household_qr_vectors.py.",
            "# publicKey: base64 X.509 SubjectPublicKeyInfo, as kiosks receive it; privateKey: base64 PKCS#8.",
            "keyId\tvalidUntil\tpublicKey\tprivateKey"]
    for key_id, (_, until) in KEYS.items():
        keys.append(f"{key_id}\t{until}\t{spki(PRIVATE[key_id])}\t{pkcs8(PRIVATE[key_id])}")
    (HERE / "household-qr-keys.tsv").write_text("\n".join(keys) + "\n", encoding="utf-8")

    rows = ["# Household-QR payloads signed with the keys of household-qr-keys.tsv (docs/household-qr.md).",
            "# Written by household_qr_vectors.py (python3-cryptography); do not edit by hand.",
            "# expected: valid, invalid, or expired (refused only because the key is past its validUntil);",
            "# reason: text the refusal must contain; card: keyId commune household issued serial.",
            "name\ttoday\texpected\treason\tcard\tpayload"]
    for row in ROWS:
        rows.append("\t".join(row))
    (HERE / "household-qr.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
