"""The shared dashboards service: Voila behind the hub's login, with preheated kernels.

Trainers present dashboards from here (`/services/dashboards/`), and every person may open
them; a page is ready in milliseconds because Voila keeps a pool of kernels that have
already run the notebook up to the point where it needs to know who is looking.

Why standalone Voila: only Voila's own app preheats kernels (its server extension in a
person's Jupyter server does not), and it serves rendered notebooks, their kernels' widget
channels and static files. Nothing else: no JupyterLab, no terminals, no contents API,
and a Voila kernel takes comm messages only (no code to execute), so a viewer cannot run code.

Who is looking: JupyterHub's OAuth identity provider (the one `jupyterhub-singleuser`
uses) lets in only those with `access:services!service=dashboards`. The viewer's OAuth
token (which the hub limits to the viewer's own programme scopes) reaches the kernel
as the request "header" ``X-Praxis-Viewer-Token``: this module sets it after login and
always drops one a client sent. The kernel calls the programme API with it, so each
viewer sees exactly what the API lets them see, as in their own server.

The preheated kernel learns the request through Voila's request-info websocket; that
socket answers only connections made on this machine straight to Voila (the kernel's),
never through the proxy.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from typing import Any

from jupyter_server.utils import url_path_join
from jupyterhub.singleuser.extension import JupyterHubIdentityProvider
from tornado.web import HTTPError
from traitlets.config import Config
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler

VIEWER_HEADER = "X-Praxis-Viewer-Token"
SHARED_ENV = "PRAXISHUB_SHARED_DASHBOARDS"


class ViewerIdentity(JupyterHubIdentityProvider):
    """Hub login, and the viewer's own token handed to the dashboard's kernel."""

    async def get_user(self, handler: Any) -> Any:
        if not hasattr(handler, "_jupyterhub_user"):
            # Only this provider may set it: a client's own is never passed on.
            while VIEWER_HEADER in handler.request.headers:
                del handler.request.headers[VIEWER_HEADER]
        user = await super().get_user(handler)
        if user is not None and VIEWER_HEADER not in handler.request.headers:
            token = self.hub_auth.get_token(handler)
            if token:
                handler.request.headers[VIEWER_HEADER] = token
        return user


def is_direct_local(remote_ip: str, headers: Any) -> bool:
    """A connection made on this machine straight to Voila (not relayed by the proxy)."""
    if headers.get("X-Forwarded-For") or headers.get("X-Forwarded-Host"):
        return False
    try:
        return ipaddress.ip_address(remote_ip).is_loopback
    except ValueError:
        return False


class LocalRequestInfo(RequestInfoSocketHandler):
    """Voila's request-info socket, for the kernels on this machine only."""

    def prepare(self) -> None:
        if not is_direct_local(self.request.remote_ip or "", self.request.headers):
            raise HTTPError(403, "not for browsers")


class DashboardsVoila(Voila):
    """Voila with the request-info socket kept local and the login callback under the prefix."""

    def init_handlers(self) -> list:
        handlers = super().init_handlers()
        # Voila adds the identity provider's handlers (the OAuth callback) at the root;
        # the hub sends people back to them under the service's prefix.
        own = {h[0] for h in self.identity_provider.get_handlers()}
        out = []
        for h in handlers:
            if h[1] is RequestInfoSocketHandler:
                h = (h[0], LocalRequestInfo, *h[2:])
            elif h[0] in own:
                h = (url_path_join(self.server_url, h[0]), *h[1:])
            out.append(h)
        return out


def voila_args(root: str, port: int, prefix: str, pool_size: int) -> list[str]:
    """Voila's command-line configuration for the service (pure, so tests can read it)."""
    return [
        root,
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--Voila.port={port}",
        f"--Voila.base_url={prefix}",
        f"--Voila.server_url={prefix}",
        "--Voila.auto_token=True",
        f"--Voila.identity_provider_class={__name__}.ViewerIdentity",
        "--Voila.authorizer_class=jupyterhub.singleuser.extension.JupyterHubAuthorizer",
        f"--VoilaConfiguration.preheat_kernel={pool_size > 0}",
        f"--VoilaConfiguration.default_pool_size={pool_size}",
        f'--VoilaConfiguration.http_header_envs=["{VIEWER_HEADER}", "Accept-Language"]',
        # A page fetched but never opened (a link preview, a script) leaves a kernel with
        # no browser: stop it after 15 idle minutes. Kernels a browser is connected to, and
        # preheated ones (in Voila's pool, waiting for their viewer), are never culled.
        "--MappingKernelManager.cull_idle_timeout=900",
        "--MappingKernelManager.cull_interval=60",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.classic_tree=True",  # a plain list of links to present from
        "--VoilaConfiguration.file_allowlist=[]",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.allow_theme_override=NO",
    ]


def main(argv: list[str] | None = None) -> None:
    """Run from the hub as a managed service; settings come from the environment."""
    os.environ[SHARED_ENV] = "1"
    argv = list(sys.argv[1:] if argv is None else argv)
    # The service's own token goes to the login check only, never into a kernel's
    # environment (kernels copy this process's).
    token = os.environ.pop("JUPYTERHUB_API_TOKEN", "")
    os.environ.pop("JPY_API_TOKEN", None)
    if not token:
        raise SystemExit("JUPYTERHUB_API_TOKEN is not set: run this as a JupyterHub service")
    config = Config()
    config.HubOAuth.api_token = token
    DashboardsVoila.launch_instance(argv, config=config)


if __name__ == "__main__":
    main()
