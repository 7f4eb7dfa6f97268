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
    from praxishub.exchange_api import use_api_exchange

    use_api_exchange(c)
