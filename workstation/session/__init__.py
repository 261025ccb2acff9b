"""The examiner's and the supervisor's workflow, as plain Python objects with events.

The window lays out widgets and forwards what the user does; the rules of the work
live here and are tested without a window (``tests/session/``). See
``docs/architecture.md`` (the session layer) for the objects and their events.
"""
