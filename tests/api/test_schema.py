"""The OpenAPI document: checked in, served, and shaped as the API Design Rules ask."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from schakel.api.schema import generate_schema, render_yaml

CHECKED_IN = Path(__file__).resolve().parents[2] / "openapi.yaml"
METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def schema() -> dict:
    return generate_schema()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def test_checked_in_schema_is_up_to_date():
    assert CHECKED_IN.exists(), "openapi.yaml is missing: run 'schakel openapi-schema'"
    assert CHECKED_IN.read_bytes() == render_yaml(generate_schema()), (
        "openapi.yaml is out of date: run 'schakel openapi-schema' and commit the result"
    )


def test_command_writes_and_checks(tmp_path):
    target = tmp_path / "openapi.yaml"
    call_command("openapi_schema", file=str(target))
    assert target.read_bytes() == CHECKED_IN.read_bytes()
    call_command("openapi_schema", file=str(target), check=True)

    target.write_text("openapi: 3.0.3\n")
    with pytest.raises(CommandError, match="out of date"):
        call_command("openapi_schema", file=str(target), check=True)


@pytest.mark.django_db
def test_schema_is_served_as_yaml_and_json(api):
    as_yaml = api.get("/api/v1/openapi.yaml")
    as_json = api.get("/api/v1/openapi.json", HTTP_ACCEPT="application/json")

    assert as_yaml.status_code == 200 and as_json.status_code == 200
    assert as_yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    assert as_json["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert as_yaml.content == CHECKED_IN.read_bytes()
    assert json.loads(as_json.content) == yaml.safe_load(CHECKED_IN.read_bytes())


def test_info_and_servers(schema):
    assert schema["openapi"].startswith("3.")
    assert set(schema["info"]["contact"]) >= {"name", "email", "url"}
    assert schema["info"]["version"] == "1.0.0"
    assert schema["servers"] == [{"url": "/api/v1", "description": "Schakel API v1"}]


KEBAB_SEGMENT = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*|\{[a-z][a-zA-Z0-9]*\})$")


def test_paths_are_kebab_case_without_trailing_slash(schema):
    for path in schema["paths"]:
        assert path.startswith("/") and not path.endswith("/"), path
        assert all(KEBAB_SEGMENT.match(segment) for segment in path[1:].split("/")), path
    assert {
        "/signalen", "/signalen/{uuid}", "/signalen/{uuid}/reacties", "/signalen/{uuid}/doorverwijzingen",
        "/signalen/{uuid}/tijdlijn", "/toezeggingen", "/toezeggingen/{uuid}", "/toezeggingen/{uuid}/nakoming",
        "/organisaties", "/organisaties/{afkorting}", "/regelingen", "/regelingen/{bwbId}", "/oorzaken",
        "/staat-van-de-uitvoering",
        "/beginselen", "/noodremmen", "/noodremmen/inzage", "/noodremmen/inzage/berichten",
        "/casussen", "/casussen/{uuid}", "/casusprudentie", "/casussen/{uuid}/beraad",
        "/casussen/{uuid}/beraad/inbreng", "/casussen/{uuid}/beraad/conclusie", "/casussen/{uuid}/fix",
        "/solves", "/solves/{uuid}",
        "/knelpunten", "/knelpunten/{uuid}", "/agenderingen", "/agenderingen/{uuid}",
        "/voorstellen", "/voorstellen/{uuid}", "/voorstellen/{uuid}/uitvoeringstoetsen",
        "/invoeringstoetsen", "/invoeringstoetsen/{uuid}",
    } <= set(schema["paths"])


def test_every_success_response_documents_api_version(schema):
    for path, method, operation in operations(schema):
        for code, response in operation["responses"].items():
            if code[0] in "23":
                assert "API-Version" in response["headers"], (path, method, code)


def test_error_responses_are_problem_json(schema):
    responses = schema["components"]["responses"]
    for path, method, operation in operations(schema):
        codes = set(operation["responses"])
        assert {"400", "401", "429", "500"} <= codes, (path, method)
        if "{" in path:
            assert "404" in codes, (path, method)
        if method == "post":
            assert {"403", "413", "415"} <= codes, (path, method)
        for code, response in operation["responses"].items():
            if code[0] in "45":
                naam = response["$ref"].rsplit("/", 1)[1]
                assert list(responses[naam]["content"]) == ["application/problem+json"]
    for path in ("/signalen/{uuid}/reacties", "/signalen/{uuid}/doorverwijzingen", "/toezeggingen/{uuid}/nakoming"):
        assert "409" in schema["paths"][path]["post"]["responses"]
    probleem = schema["components"]["schemas"]["ValidatieProbleem"]
    assert {"type", "title", "status", "detail", "instance", "invalidParams"} <= set(probleem["required"])


def test_query_parameters_are_camel_case(schema):
    names = {p["name"] for _, _, op in operations(schema) for p in op.get("parameters", []) if p["in"] == "query"}
    assert {"ingediendVanaf", "ingediendTot", "pageSize", "zoek", "verlopen"} <= names
    assert all("_" not in name for name in names)


def test_attributes_are_camel_case(schema):
    def properties(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties":
                    yield from value
                yield from properties(value)
        elif isinstance(node, list):
            for value in node:
                yield from properties(value)

    names = set(properties(schema["components"]["schemas"]))
    assert {"getroffenBurgers", "uitersteReactiedatum", "actueleReactie", "invalidParams"} <= names
    assert all("_" not in name for name in names), sorted(n for n in names if "_" in n)


def test_every_201_documents_its_location_header():
    from schakel.api.schema import ZONDER_LOCATION

    document = yaml.safe_load(CHECKED_IN.read_text())
    gevonden = 0
    for pad, item in document["paths"].items():
        for methode, operatie in item.items():
            antwoord = operatie.get("responses", {}).get("201") if isinstance(operatie, dict) else None
            if antwoord is not None:
                gevonden += 1
                assert ("Location" in antwoord.get("headers", {})) == (pad not in ZONDER_LOCATION), (methode, pad)
    assert gevonden >= 15
