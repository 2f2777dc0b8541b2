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


# --- command names: Dutch, kebab-case; the old names stay aliases --------------------------------

def test_every_old_command_name_still_runs_the_new_command():
    from django.core.management import get_commands, load_command_class

    from schakel.core.commando import ALIASSEN

    commandos = get_commands()
    for oud, nieuw in ALIASSEN.items():
        assert nieuw in commandos, nieuw
        assert oud in commandos, f"old name {oud} no longer exists"
        oude = load_command_class(commandos[oud], oud)
        nieuwe = load_command_class(commandos[nieuw], nieuw)
        assert type(oude) is type(nieuwe), oud


def test_command_names_are_dutch_and_hyphenated_on_the_command_line():
    from django.core.management import get_commands

    from schakel.core.commando import ALIASSEN

    eigen = {naam for naam, app in get_commands().items() if app.startswith("schakel.")}
    assert eigen - set(ALIASSEN) >= set(ALIASSEN.values())
    assert all(naam == naam.lower() and " " not in naam and "-" not in naam for naam in eigen)


def test_an_old_name_works_through_the_schakel_command_too():
    omgeving = {**os.environ, "SCHAKEL_DEBUG": "1"}
    for naam in ("run-scheduler", "draai-planner"):
        uitvoer = subprocess.run([sys.executable, "-m", "schakel.cli", naam, "--help"], env=omgeving,
                                 capture_output=True, text=True, timeout=120)
        assert uitvoer.returncode == 0, uitvoer.stderr
        assert "--digest-hour" in uitvoer.stdout
