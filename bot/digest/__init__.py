"""The weekly digest, one module per job: ``weeks`` (ISO weeks and run times, Europe/London),
``grouping`` (similar questions grouped), ``quoting`` (what may be quoted, and how), ``figures``
(the week's figures: ``build_digest``), and the renderings ``wording`` (shared by all), ``markdown``
and ``as_json``. Its Slack Block Kit is ``bot.slack.blocks.digest``, and posting it
``bot.slack.digest``: nothing here talks to Slack.

Privacy. The store holds only redacted question text, and the digest adds two rules of its own:
no asker id or name appears anywhere in it (people are only counted), and a group of similar
questions is quoted only when at least ``quoting.QUOTE_MIN_ASKERS`` different people asked it;
smaller groups are counted, not quoted. Quoted text loses Slack mentions and is escaped for mrkdwn,
so a stored ``<!channel>`` can never broadcast.
"""
