"""Start the test provider: ``python -m tests.accounts.oidc_idp.serve`` with IDP_* variables set.

Migrates its own SQLite database, creates the users of IDP_CLAIMS (password = username) and one
confidential client (IDP_CLIENT_ID, IDP_CLIENT_SECRET, IDP_REDIRECT_URI), and serves on IDP_PORT."""

import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _Stil(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.accounts.oidc_idp.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    for naam in settings.IDP_CLAIMS:
        User.objects.create_user(username=naam, password=naam)
    Application.objects.create(
        name="Schakel", client_id=os.environ["IDP_CLIENT_ID"], client_secret=os.environ["IDP_CLIENT_SECRET"],
        client_type=Application.CLIENT_CONFIDENTIAL, authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=os.environ["IDP_REDIRECT_URI"], algorithm=Application.RS256_ALGORITHM, skip_authorization=True)
    server = make_server("127.0.0.1", int(os.environ["IDP_PORT"]), get_wsgi_application(), server_class=_Server,
                         handler_class=_Stil)
    print("klaar", flush=True)
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
