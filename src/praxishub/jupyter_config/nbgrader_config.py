# nbgrader settings of every person's own server: the shared exchange, and the
# person's hub name as their student id (their Unix name has a prefix).
import os

c = get_config()  # noqa: F821
c.Exchange.root = os.environ.get("PRAXISHUB_EXCHANGE", "/nonexistent")
c.Exchange.path_includes_course = True
if "JUPYTERHUB_USER" in os.environ:
    c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]

# The exchange through the programme API (exchange.mode: api; docs/exchange.md).
if os.environ.get("PRAXISHUB_EXCHANGE_MODE") == "api":
    for _step in (
        "fetch_assignment",
        "fetch_feedback",
        "release_assignment",
        "release_feedback",
        "submit",
        "list",
        "collect",
    ):
        _name = "".join(part.title() for part in _step.split("_"))
        setattr(c.ExchangeFactory, _step, f"praxishub.exchange_api.Api{_name}")
