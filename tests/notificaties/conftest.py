from tests.termijnen.conftest import bestuurders, ga_naar  # noqa: F401  (shared fixtures)
