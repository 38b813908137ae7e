#!/usr/bin/env python3
"""Mints a development bearer token for roomservice (HS256, signed with the development key).

Only for a local service started by scripts/run.sh: production validates tokens of a real identity
provider (spring.security.oauth2.resourceserver.jwt.jwk-set-uri).

  scripts/dev-token.py --staff                 # a staff user
  scripts/dev-token.py --support               # a support user
  scripts/dev-token.py --auditor               # an auditor
  scripts/dev-token.py --host                  # the host platform's service account
  scripts/dev-token.py --sub <user uuid>       # a person with that user uuid
"""
import argparse, base64, hashlib, hmac, json, os, time, uuid

DEFAULT_SECRET = "roomservice-development-secret-change-me-0123456789"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sub", default=str(uuid.uuid4()), help="user uuid (default: a random one)")
    p.add_argument("--staff", action="store_true")
    p.add_argument("--support", action="store_true")
    p.add_argument("--auditor", action="store_true")
    p.add_argument("--host", action="store_true", help="the host platform's service account")
    p.add_argument("--ttl", type=int, default=3600, help="lifetime in seconds (default 3600)")
    a = p.parse_args()
    secret = os.environ.get("ROOMSERVICE_DEV_JWT_SECRET", DEFAULT_SECRET)
    now = int(time.time())
    claims = {"sub": "host-platform" if a.host else a.sub, "iat": now, "exp": now + a.ttl}
    if a.host:
        claims["scope"] = "host"
    if a.staff:
        claims["is_staff"] = True
    if a.support:
        claims["is_support"] = True
    if a.auditor:
        claims["is_auditor"] = True
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64(json.dumps(claims).encode())
    signature = hmac.new(secret.encode(), f"{header}.{body}".encode(), hashlib.sha256).digest()
    print(f"{header}.{body}.{b64(signature)}")


if __name__ == "__main__":
    main()
