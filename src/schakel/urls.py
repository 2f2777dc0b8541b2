from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("api/v1/", include("schakel.api.urls")),
    path("", include("schakel.web.urls")),
    path("", include("schakel.accounts.urls")),
    path("", include("schakel.termijnen.urls")),
    path("", include("schakel.notificaties.urls")),
    path("", include("schakel.rapportage.urls")),
    path("", include("schakel.toetsen.urls")),
    path("", include("schakel.noodrem.urls")),
    path("", include("schakel.maatwerkplaats.urls")),
    path("", include("schakel.knelpunten.urls")),
]

# Errors under /api/ are application/problem+json; other paths get the web app's HTML pages.
handler400 = "schakel.api.problems.bad_request"
handler403 = "schakel.api.problems.permission_denied"
handler404 = "schakel.api.problems.page_not_found"
handler500 = "schakel.api.problems.server_error"
