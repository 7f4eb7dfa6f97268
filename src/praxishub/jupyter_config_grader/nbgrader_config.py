# nbgrader settings of a course's grading service (and of `praxishub courses` commands).
import os

c = get_config()  # noqa: F821
c.Exchange.root = os.environ["PRAXISHUB_EXCHANGE"]
c.Exchange.path_includes_course = True
c.ExchangeFactory.collect = "praxishub.exchange.OwnerCheckedCollect"
# A trainee's code must not hold the grader for ever.
c.Execute.timeout = 60
