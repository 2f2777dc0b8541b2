from django.contrib.auth import authenticate, login
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import include, path
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def inloggen(request):
    """The provider's own login page (what staff see at their organisation)."""
    volgende = request.GET.get("next") or request.POST.get("next") or "/"
    if request.method == "POST":
        user = authenticate(request, username=request.POST.get("username"), password=request.POST.get("password"))
        if user is not None:
            login(request, user)
            return HttpResponseRedirect(volgende)
    return HttpResponse(f'<form method="post"><input name="username"><input name="password" type="password">'
                        f'<input type="hidden" name="next" value="{escape(volgende)}"></form>')


urlpatterns = [path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")), path("login", inloggen)]
