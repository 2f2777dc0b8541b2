"""The schema class of the API views (REST_FRAMEWORK['DEFAULT_SCHEMA_CLASS'])."""

from drf_spectacular import openapi


class AutoSchema(openapi.AutoSchema):
    """Descriptions come only from ``extend_schema``, never from (English) docstrings."""

    def get_description(self):
        return ""
