"""Block Kit builders, one module per surface: pure functions from domain records to Slack
messages and views, no I/O.

``kit`` (shared helpers), ``ids`` (the action-id contract with the listeners), ``replies`` (what the
asker sees), ``advisor_card`` (the advisor channel), ``modals``, ``app_home`` and ``digest`` (the
weekly digest's messages).
"""
