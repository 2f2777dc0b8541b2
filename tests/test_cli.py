"""The ``schakel`` command itself."""

import os
import subprocess
import sys


def schakel_zonder_instellingen(*argumenten):
    """Run ``schakel`` with no SCHAKEL_* settings in the environment, as a new operator would."""
    omgeving = {k: v for k, v in os.environ.items()
                if not k.startswith("SCHAKEL_") and k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run([sys.executable, "-m", "schakel.cli", *argumenten], env=omgeving,
                          capture_output=True, text=True, timeout=120)


def test_missing_secret_key_gives_one_clear_line_not_a_traceback():
    uitvoer = schakel_zonder_instellingen("check")
    assert uitvoer.returncode == 2
    assert uitvoer.stderr.strip() == "schakel: Set SCHAKEL_SECRET_KEY (or SCHAKEL_DEBUG=1 for development)."
    assert "Traceback" not in uitvoer.stderr


def test_help_needs_no_settings():
    assert schakel_zonder_instellingen("help").returncode == 0
