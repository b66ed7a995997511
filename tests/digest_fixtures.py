"""The fixtures of tests/test_digest.py (a store on a clock the test moves), for the other modules that test
the digest: ``from digest_fixtures import *``."""

from test_digest import clock, store

__all__ = ["clock", "store"]
