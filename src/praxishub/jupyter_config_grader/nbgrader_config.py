# nbgrader settings of a course's grading service (and of `praxishub courses` commands).
import os

c = get_config()  # noqa: F821
c.Exchange.root = os.environ["PRAXISHUB_EXCHANGE"]
c.Exchange.path_includes_course = True
c.ExchangeFactory.collect = "praxishub.exchange.OwnerCheckedCollect"
# A trainee's code must not hold the grader for ever.
c.Execute.timeout = int(os.environ.get("PRAXISHUB_CELL_TIMEOUT", "60"))
# Trainee code runs only in the sandbox kernel (see praxishub.sandbox), which
# talks over Unix sockets because it has no network. Without isolation (a demo
# without root) there is no one to isolate from, and the plain kernel runs.
if os.environ.get("PRAXISHUB_ISOLATION") != "none":
    c.Execute.kernel_name = "praxis-sandbox"
    c.KernelManager.transport = "ipc"
    c.KernelManager.ip = os.path.join(
        os.environ.get("PRAXISHUB_SANDBOX_DIR", "/nonexistent"), "kernel"
    )
# Feedback never shows the hidden tests (stock nbgrader leaves them in).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "praxishub.feedback.HideHiddenTests",
]

# The exchange through the programme API (exchange.mode: api; docs/exchange.md).
if os.environ.get("PRAXISHUB_EXCHANGE_MODE") == "mirror":
    # a root command's collect from the programme database (praxishub.exchange_mirror):
    # the API checked each sender when it stored the submission
    c.ExchangeFactory.collect = "nbgrader.exchange.default.collect.ExchangeCollect"
    c.ExchangeCollect.check_owner = False
elif os.environ.get("PRAXISHUB_EXCHANGE_MODE") == "api":
    from praxishub.exchange_api import use_api_exchange

    use_api_exchange(c)
