"""Who the dashboard apps act for: the viewer in the shared service, the owner elsewhere."""

from __future__ import annotations

import pytest

from praxishub.apps import client, texts
from praxishub.dashboards_service import is_direct_local, voila_args


@pytest.fixture
def shared(monkeypatch):
    monkeypatch.setenv("PRAXISHUB_SHARED_DASHBOARDS", "1")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)  # a kernel started for a request
    monkeypatch.setattr(client, "_viewer_known", False)
    return monkeypatch


def test_shared_service_uses_the_viewers_token_never_another(shared):
    """In the shared service the apps call the API with the viewer's token, and with
    nothing (not a stray hub token) when the service handed none."""
    shared.setenv("JUPYTERHUB_API_TOKEN", "service-token")
    shared.setenv("HTTP_X_PRAXIS_VIEWER_TOKEN", "viewer-token")
    assert client.ProgrammeAPI().token == "viewer-token"
    shared.delenv("HTTP_X_PRAXIS_VIEWER_TOKEN")
    assert client.ProgrammeAPI().token == ""


def test_own_server_ignores_a_viewer_header(monkeypatch):
    """In a person's own server a request header cannot choose whose token is used."""
    monkeypatch.delenv("PRAXISHUB_SHARED_DASHBOARDS", raising=False)
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "server-token")
    monkeypatch.setenv("HTTP_X_PRAXIS_VIEWER_TOKEN", "someone-elses")
    assert client.ProgrammeAPI().token == "server-token"


@pytest.mark.parametrize(
    ("accept", "programme", "want"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.8", "en", "ru"),
        ("en-GB,en;q=0.9", "ru", "en"),
        ("kk-KZ,kk;q=0.9,ru;q=0.8", "en", "ru"),
        ("zh-CN", "ru", "ru"),
        ("", "en", "en"),
    ],
)
def test_language_follows_the_browser_then_the_programme(shared, accept, programme, want):
    shared.setenv("HTTP_ACCEPT_LANGUAGE", accept)
    shared.setenv("PRAXISHUB_LANGUAGE", programme)
    assert texts.language() == want


def test_request_info_socket_is_for_direct_local_connections_only():
    assert is_direct_local("127.0.0.1", {})
    assert is_direct_local("::1", {})
    assert not is_direct_local("127.0.0.1", {"X-Forwarded-For": "10.0.0.5"})
    assert not is_direct_local("10.0.0.5", {})
    assert not is_direct_local("not-an-ip", {})


def test_voila_runs_without_lab_templates_overrides_or_tracebacks():
    args = voila_args("/srv/d", 10102, "/services/dashboards/", 1)
    assert "--VoilaConfiguration.show_tracebacks=False" in args
    assert "--VoilaConfiguration.allow_template_override=NO" in args
    assert "--VoilaConfiguration.file_allowlist=[]" in args
    assert "--Voila.ip=127.0.0.1" in args
