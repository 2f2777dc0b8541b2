"""The WSGI application, for gunicorn or any other WSGI server.

Once the application and its URLconf are loaded, the objects that live as long as the
process (modules, views, serializers, the libraries of the text router and the charts,
the Dutch dictionaries of search:
some 230,000) are frozen out of Python's cyclic garbage collector. Otherwise every full
collection walks them all, about 100 ms, a pause in roughly one request in a hundred; at
one client that made the API list's p95 three times its p50 (docs/performance.md).
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.conf.settings")
application = get_wsgi_application()


def _laad_alles_en_bevries() -> None:
    from django.urls import get_resolver

    from schakel.core import analyse

    get_resolver().url_patterns  # imports every view module now, not in the first request
    analyse.laad()  # the Dutch dictionaries of search, loaded once per process
    gc.collect()
    gc.freeze()


_laad_alles_en_bevries()
