"""``schakel schrijf-openapi``: write (or check) the checked-in OpenAPI document."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from schakel.api.schema import generate_schema, render_yaml


class Command(BaseCommand):
    help = "Write the OpenAPI document of /api/v1 to openapi.yaml, or check that it is up to date."

    def add_arguments(self, parser):
        parser.add_argument("--file", default="openapi.yaml", help="Target file (default: ./openapi.yaml).")
        parser.add_argument("--check", action="store_true",
                            help="Do not write; exit with an error if the file differs from the generated schema.")

    def handle(self, *args, file, check, **options):
        target = Path(file)
        content = render_yaml(generate_schema())
        if check:
            if not target.exists() or target.read_bytes() != content:
                raise CommandError(f"{target} is out of date: run 'schakel schrijf-openapi' and commit it.")
            self.stdout.write(f"{target} is up to date.")
            return
        target.write_bytes(content)
        self.stdout.write(f"Wrote {target}.")
