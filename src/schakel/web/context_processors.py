def schakel(request):
    return {}
