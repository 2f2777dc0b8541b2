"""The ``schakel`` command: Django's management commands, with hyphenated names allowed.

``schakel draai-planner`` runs the management command ``draai_planner``. Command names are Dutch
and kebab-case; the old names remain as aliases (``schakel.core.commando.ALIASSEN``).
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.conf.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    if len(argv) > 1 and argv[1] not in ("help", "version", "--help", "-h", "--version"):
        _exit_on_bad_settings()
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


def _exit_on_bad_settings() -> None:
    """Say what is wrong with the settings, instead of Django's later AppRegistryNotReady traceback."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS
    except ImproperlyConfigured as fout:
        sys.stderr.write(f"schakel: {fout}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
