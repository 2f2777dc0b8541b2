#!/usr/bin/env python
"""Django's manage.py; the installed ``schakel`` command does the same."""
import sys

from schakel.cli import main

if __name__ == "__main__":
    main(sys.argv)
