"""Claims of the test provider's users, as a real identity provider would send them."""

from django.conf import settings
from oauth2_provider.oauth2_validators import OAuth2Validator


class Validator(OAuth2Validator):
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "organisatie": "openid", "rol": "openid",
                        "amr": "openid", "acr": "openid"}

    def get_additional_claims(self, request):
        return dict(settings.IDP_CLAIMS.get(request.user.username, {}))
